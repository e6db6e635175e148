import { Card, TextLink } from "@/app/components/card";
import { getMessages, pageTitle } from "@/lib/messages";
import { redeemCode } from "../actions";
import { CodeForm } from "./code-form";

export const generateMetadata = pageTitle((t) => t.sspr.codeHeading);

/** "I have a code from my teacher": the Login ID and the one-time code, instead of the answers. */
export default async function CodePage() {
  const t = await getMessages();
  return (
    <Card title={t.app.ssprTitle} heading={t.sspr.codeHeading}>
      <p>{t.sspr.codeIntro}</p>
      <CodeForm
        action={redeemCode}
        t={{
          loginId: t.sspr.loginId,
          code: t.sspr.code,
          codeHint: t.sspr.codeHint,
          useCode: t.sspr.useCode,
          summary: t.errors.summary,
        }}
      />
      <TextLink href="/sspr/search">{t.sspr.startAgain}</TextLink>
    </Card>
  );
}
