import { Card } from "@/app/components/card";
import { SubmitButton } from "@/app/components/submit-button";
import { getMessages } from "@/lib/messages";

export const metadata = { title: getMessages().sspr.doneHeading };

export default function DonePage() {
  const t = getMessages();
  return (
    <Card title={t.app.ssprTitle} heading={t.sspr.doneHeading}>
      <p role="status">{t.sspr.doneText}</p>
      <form action="/login" method="get">
        <SubmitButton>{t.sspr.continue}</SubmitButton>
      </form>
    </Card>
  );
}
