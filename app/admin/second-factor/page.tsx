import { redirect } from "next/navigation";
import { Card } from "@/app/components/card";
import { requireStaffSession } from "@/lib/auth/guards";
import { homePathOf } from "@/lib/auth/roles";
import { isEnrolled } from "@/lib/data/second-factor";
import { schoolMessages } from "@/lib/messages";
import { adminMetadata } from "../metadata";
import { RecoveryCodeForm, VerifyCodeForm } from "./code-forms";

export const generateMetadata = adminMetadata((t) => t.secondFactor.verifyHeading, "staff");

/** A later sign-in: the password was right; the code from the app, or a recovery code, comes next.
 *  Administrators and teachers alike. (The menu above has only Log Out until the code is passed:
 *  app/admin/layout.tsx.) */
export default async function SecondFactorPage() {
  const session = await requireStaffSession();
  if (session.secondFactorPassed) redirect(homePathOf(session.user.role));
  if (!(await isEnrolled(session.user))) redirect("/admin/second-factor/enrol");
  const t = schoolMessages().secondFactor;
  return (
    <Card heading={t.verifyHeading} narrow>
      <p>{t.verifyIntro}</p>
      <VerifyCodeForm />
      <section aria-labelledby="recovery-heading" className="space-y-4 border-t border-slate-200 pt-5">
        <h2 id="recovery-heading" className="text-lg font-bold">
          {t.recoveryLink}
        </h2>
        <RecoveryCodeForm />
      </section>
    </Card>
  );
}
