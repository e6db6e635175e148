import { redirect } from "next/navigation";
import { Card } from "@/app/components/card";
import { TopNav } from "@/app/components/top-nav";
import { currentUser, requireAdminSession } from "@/lib/auth/guards";
import { isEnrolled } from "@/lib/data/second-factor";
import { getMessages } from "@/lib/messages";
import { RecoveryCodeForm, VerifyCodeForm } from "./code-forms";

/** Only an administrator learns the page's name: anyone else gets the plain 404. */
export async function generateMetadata() {
  const user = await currentUser();
  return user?.role === "admin" ? { title: getMessages().secondFactor.verifyHeading } : {};
}

/** A later sign-in: the password was right; the code from the app, or a recovery code, comes next. */
export default async function SecondFactorPage() {
  const session = await requireAdminSession();
  if (session.secondFactorPassed) redirect("/admin");
  if (!(await isEnrolled(session.user))) redirect("/admin/second-factor/enrol");
  const t = getMessages().secondFactor;
  return (
    <>
      <TopNav links={[]} name={session.user.fullName} />
      <Card heading={t.verifyHeading}>
        <p>{t.verifyIntro}</p>
        <VerifyCodeForm />
        <section aria-labelledby="recovery-heading" className="space-y-4 border-t border-slate-200 pt-5">
          <h2 id="recovery-heading" className="text-lg font-bold">
            {t.recoveryLink}
          </h2>
          <RecoveryCodeForm />
        </section>
      </Card>
    </>
  );
}
