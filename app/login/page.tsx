import { redirect } from "next/navigation";
import { Card, TextLink } from "@/app/components/card";
import { currentUser } from "@/lib/auth/guards";
import { getMessages, pageTitle, schoolMessages } from "@/lib/messages";
import { LoginForm } from "./login-form";

export const generateMetadata = pageTitle((t) => t.login.heading);

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ changed?: string; ended?: string }>;
}) {
  if (await currentUser()) redirect("/");
  const all = await getMessages();
  const t = all.login;
  const { changed, ended } = await searchParams;
  return (
    <Card heading={t.heading}>
      <p>{t.intro}</p>
      {changed === "1" && (
        <p role="status" className="rounded-lg bg-green-50 p-3 font-semibold text-green-900">
          {t.passwordChanged}
        </p>
      )}
      {ended === "second-factor" && (
        <p role="status" className="rounded-lg bg-amber-50 p-3 font-semibold text-amber-900">
          {schoolMessages().secondFactor.signedOut}
        </p>
      )}
      <LoginForm
        t={{
          loginId: t.loginId,
          loginIdHint: t.loginIdHint,
          password: t.password,
          submit: t.submit,
          summary: all.errors.summary,
          reveal: all.reveal,
        }}
      />
      <TextLink href="/sspr/search">{t.forgot}</TextLink>
    </Card>
  );
}
