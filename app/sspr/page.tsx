import { Card, LinkButton, TextLink } from "@/app/components/card";
import { getMessages, pageTitle } from "@/lib/messages";

export const generateMetadata = pageTitle((t) => t.app.ssprTitle);

export default async function SsprLanding() {
  const t = await getMessages();
  return (
    <Card title={t.app.ssprTitle} heading={t.sspr.landingHeading}>
      <p>{t.sspr.landingIntro}</p>
      <LinkButton href="/sspr/search">{t.sspr.forgot}</LinkButton>
      <TextLink href="/login">{t.sspr.backToLogin}</TextLink>
    </Card>
  );
}
