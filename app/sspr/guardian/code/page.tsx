import { Card, TextLink } from "@/app/components/card";
import { CodeForm } from "@/app/sspr/code/code-form";
import { getMessages, pageTitle } from "@/lib/messages";
import { rememberedLoginId } from "@/lib/reset/cookies";
import { enterGuardianCode } from "../actions";

export const generateMetadata = pageTitle((t) => t.sspr.guardianCodeHeading);

/** The code from the guardian's e-mail, with the Login ID. After a request (`?sent=1`) it says the
 *  same words for every Login ID: if an address is on file, the code has gone to it. */
export default async function GuardianCodePage({
  searchParams,
}: {
  searchParams: Promise<{ sent?: string }>;
}) {
  const t = await getMessages();
  const { sent } = await searchParams;
  return (
    <Card title={t.app.ssprTitle} heading={t.sspr.guardianCodeHeading}>
      {sent === "1" && <p role="status">{t.sspr.guardianSent}</p>}
      <p>{t.sspr.guardianCodeIntro}</p>
      <CodeForm
        action={enterGuardianCode}
        loginId={await rememberedLoginId()}
        t={{
          loginId: t.sspr.loginId,
          code: t.sspr.guardianCode,
          codeHint: t.sspr.guardianCodeHint,
          useCode: t.sspr.useCode,
          summary: t.errors.summary,
        }}
      />
      <TextLink href="/sspr/guardian">{t.sspr.guardianNewCode}</TextLink>
      <TextLink href="/sspr/search">{t.sspr.startAgain}</TextLink>
    </Card>
  );
}
