import { Card, LinkButton } from "@/app/components/card";
import { getMessages } from "@/lib/messages";

export const metadata = { title: getMessages().app.ssprTitle };

export default function SsprLanding() {
  const t = getMessages();
  return (
    <Card title={t.app.ssprTitle} heading={t.sspr.landingHeading}>
      <p>{t.sspr.landingIntro}</p>
      <LinkButton href="/sspr/search">{t.sspr.forgot}</LinkButton>
      <p>
        <a href="/login" className="font-semibold text-brand underline underline-offset-4">
          {t.sspr.backToLogin}
        </a>
      </p>
    </Card>
  );
}
