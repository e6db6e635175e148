import { redirect } from "next/navigation";
import QRCode from "qrcode";
import { Card } from "@/app/components/card";
import { requireStaffSession, SECOND_FACTOR_PATH } from "@/lib/auth/guards";
import { homePathOf } from "@/lib/auth/roles";
import { groupedSecret } from "@/lib/auth/totp";
import { pendingEnrolment } from "@/lib/data/second-factor";
import { schoolMessages } from "@/lib/messages";
import { adminMetadata } from "../../metadata";
import { EnrolForm, type EnrolmentView } from "../code-forms";

export const generateMetadata = adminMetadata((t) => t.secondFactor.enrolHeading, "staff");

/** First sign-in of a member of staff (an administrator or a teacher): set up the authenticator
 *  app. Once set up, the key is never shown again; a session that has not passed the second factor
 *  is sent to the code page. */
export default async function EnrolPage() {
  const session = await requireStaffSession();
  const enrolment = await pendingEnrolment(session.user);
  if (!enrolment && !session.secondFactorPassed) redirect(SECOND_FACTOR_PATH);
  let view: EnrolmentView | null = null;
  if (enrolment) {
    const svg = await QRCode.toString(enrolment.uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
    view = {
      qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
      secret: groupedSecret(enrolment.secret),
    };
  }
  const t = schoolMessages().secondFactor;
  const { role } = session.user;
  const home = { href: homePathOf(role), label: role === "teacher" ? t.continueTeacher : t.continue };
  return (
    <Card heading={t.enrolHeading} narrow>
      <p>{t.enrolIntro}</p>
      <EnrolForm enrolment={view} home={home} />
    </Card>
  );
}
