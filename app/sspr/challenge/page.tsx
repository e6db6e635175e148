import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cache } from "react";
import { Card, TextLink } from "@/app/components/card";
import { challengeView } from "@/lib/data/challenge";
import { guardianApprovalOffered } from "@/lib/data/school-settings";
import { listSchoolContacts } from "@/lib/data/schools";
import { getMessages, questionText } from "@/lib/messages";
import { rememberedLoginId } from "@/lib/reset/cookies";
import { LockedNotice } from "../locked-notice";
import { ChallengeForm } from "./challenge-form";

/** What the Search drew for the remembered Login ID, read once per request. */
const currentView = cache(async () => {
  const loginId = await rememberedLoginId();
  return loginId ? challengeView(loginId) : null;
});

/** The title names the step: the questions, or the lock. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getMessages();
  const view = await currentView();
  return { title: view && view.status !== "open" ? t.locked.heading : t.sspr.challengeHeading };
}

// A GET: it shows what the Search drew and changes nothing.
export default async function ChallengePage({
  searchParams,
}: {
  searchParams: Promise<{ school?: string }>;
}) {
  const t = await getMessages();
  const view = await currentView();
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
  const questions = view.questionIds.map((id) => questionText(t, id));
  return (
    <Card title={t.app.ssprTitle} heading={t.sspr.challengeHeading}>
      <p>{t.sspr.challengeIntro}</p>
      <ChallengeForm questions={questions} checkAnswers={t.sspr.checkAnswers} summary={t.errors.summary} />
      <TextLink href="/sspr/code">{t.sspr.codeLink}</TextLink>
      {/* Offered by some school, whichever this Login ID's is: the link says nothing about it. */}
      {(await guardianApprovalOffered()) && <TextLink href="/sspr/guardian">{t.sspr.guardianLink}</TextLink>}
    </Card>
  );
}
