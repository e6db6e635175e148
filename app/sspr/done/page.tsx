import { Card } from "@/app/components/card";
import { SubmitButton } from "@/app/components/submit-button";
import { getMessages, pageTitle } from "@/lib/messages";

export const generateMetadata = pageTitle((t) => t.sspr.doneHeading);

export default async function DonePage() {
  const t = await getMessages();
  return (
    <Card title={t.app.ssprTitle} heading={t.sspr.doneHeading}>
      <p role="status">{t.sspr.doneText}</p>
      <form action="/login" method="get">
        <SubmitButton>{t.sspr.continue}</SubmitButton>
      </form>
    </Card>
  );
}
