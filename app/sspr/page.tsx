import { Card, LinkButton, TextLink } from "@/app/components/card";
import { getMessages } from "@/lib/messages";

export const metadata = { title: getMessages().app.ssprTitle };

export default function SsprLanding() {
  const t = getMessages();
  return (
    <Card title={t.app.ssprTitle} heading={t.sspr.landingHeading}>
      <p>{t.sspr.landingIntro}</p>
      <LinkButton href="/sspr/search">{t.sspr.forgot}</LinkButton>
      <TextLink href="/login">{t.sspr.backToLogin}</TextLink>
    </Card>
  );
}
