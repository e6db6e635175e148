import { redirect } from "next/navigation";
import { Card } from "@/app/components/card";
import { TopNav, portalLinks } from "@/app/components/top-nav";
import { currentUser, requireStudent } from "@/lib/auth/guards";
import { homePathOf } from "@/lib/auth/roles";
import { questionsSetUp } from "@/lib/data/security-questions";
import { getMessages, pageTitle } from "@/lib/messages";

export const generateMetadata = pageTitle((t) => t.portal.heading);

export default async function PortalHome({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const signedIn = await currentUser();
  // The school's staff have pages of their own.
  if (signedIn && signedIn.role !== "student") redirect(homePathOf(signedIn.role));
  const user = await requireStudent();
  const t = (await getMessages()).portal;
  const ready = (await questionsSetUp(user)).length > 0;
  const { saved } = await searchParams;
  return (
    <>
      <TopNav links={portalLinks(t)} name={user.fullName} />
      <Card heading={t.heading}>
        {saved === "1" && (
          <p role="status" className="rounded-lg bg-green-50 p-3 font-semibold text-green-900">
            {t.answersSaved}
          </p>
        )}
        {ready ? (
          <p>{t.questionsReady}</p>
        ) : (
          <div role="status" className="space-y-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-4">
            <p className="font-semibold">{t.questionsMissing}</p>
            <a
              href="/setup-questions"
              className="inline-block rounded-lg bg-brand px-4 py-2 font-semibold text-white"
            >
              {t.questionsMissingAction}
            </a>
          </div>
        )}
      </Card>
    </>
  );
}
