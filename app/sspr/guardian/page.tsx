import { Card, TextLink } from "@/app/components/card";
import { getMessages, pageTitle } from "@/lib/messages";
import { GuardianForm } from "./guardian-form";

export const generateMetadata = pageTitle((t) => t.sspr.guardianHeading);

/** "Ask my parent or guardian": a code to the guardian's e-mail on file, instead of the answers.
 *  Never shows or hints at the address, nor whether there is one. */
export default async function GuardianPage() {
  const t = await getMessages();
  return (
    <Card title={t.app.ssprTitle} heading={t.sspr.guardianHeading}>
      <p>{t.sspr.guardianIntro}</p>
      <GuardianForm t={{ loginId: t.sspr.loginId, send: t.sspr.guardianSend, summary: t.errors.summary }} />
      <TextLink href="/sspr/guardian/code">{t.sspr.guardianCodeLink}</TextLink>
      <TextLink href="/sspr/search">{t.sspr.startAgain}</TextLink>
    </Card>
  );
}
