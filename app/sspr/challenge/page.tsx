import { redirect } from "next/navigation";
import { Card } from "@/app/components/card";
import { challengeView } from "@/lib/data/challenge";
import { listSchoolContacts } from "@/lib/data/schools";
import { getMessages } from "@/lib/messages";
import { questionById } from "@/lib/reset/questions";
import { rememberedLoginId } from "@/lib/reset/cookies";
import { LockedNotice } from "../locked-notice";
import { ChallengeForm } from "./challenge-form";

export const metadata = { title: getMessages().sspr.challengeHeading };

// A GET: it shows what the Search drew and changes nothing.
export default async function ChallengePage({
  searchParams,
}: {
  searchParams: Promise<{ school?: string }>;
}) {
  const loginId = await rememberedLoginId();
  if (!loginId) redirect("/sspr/search");
  const t = getMessages();
  const view = await challengeView(loginId);
  if (!view) redirect("/sspr/search");
  if (view.status !== "open") {
    const { school } = await searchParams;
    return (
      <Card title={t.app.ssprTitle} heading={t.locked.heading}>
        <LockedNotice
          kind={view.status}
          contacts={await listSchoolContacts()}
          schoolId={Number(school) || undefined}
        />
      </Card>
    );
  }
  const questions = view.questionIds.map((id) => questionById(id)?.text ?? "");
  return (
    <Card title={t.app.ssprTitle} heading={t.sspr.challengeHeading}>
      <p>{t.sspr.challengeIntro}</p>
      <ChallengeForm questions={questions} checkAnswers={t.sspr.checkAnswers} />
    </Card>
  );
}
