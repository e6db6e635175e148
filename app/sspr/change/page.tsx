import { Card, LinkButton } from "@/app/components/card";
import { NewPasswordForm } from "@/app/components/new-password-form";
import { grantHolder } from "@/lib/data/reset-grants";
import { getMessages, pageTitle } from "@/lib/messages";
import { newPasswordWords } from "@/lib/messages/policy";
import { heldGrant } from "@/lib/reset/cookies";
import { cancelReset, resetPassword } from "../actions";

export const generateMetadata = pageTitle((t) => t.changePassword.heading);

export default async function ChangePage() {
  const t = await getMessages();
  const holder = await grantHolder(await heldGrant());
  if (!holder) {
    return (
      <Card title={t.app.ssprTitle} heading={t.changePassword.heading}>
        <p role="alert">{t.sspr.grantGone}</p>
        <LinkButton href="/sspr/search">{t.sspr.startAgain}</LinkButton>
      </Card>
    );
  }
  return (
    <Card title={t.app.ssprTitle} heading={t.changePassword.heading}>
      <p>{t.changePassword.intro}</p>
      <NewPasswordForm
        context={{ loginId: holder.loginId, email: holder.email, fullName: holder.fullName }}
        action={resetPassword}
        cancelAction={cancelReset}
        t={newPasswordWords(t)}
      />
    </Card>
  );
}
