import { Card } from "@/app/components/card";
import { TopNav, portalLinks } from "@/app/components/top-nav";
import { setupNeedsPassword } from "@/lib/reset/answers";
import { currentSession, requireStudent } from "@/lib/auth/guards";
import { questionsSetUp } from "@/lib/data/security-questions";
import { getMessages } from "@/lib/messages";
import { SetupForm } from "./setup-form";

export const metadata = { title: getMessages().setup.heading };

export default async function SetupQuestionsPage() {
  const user = await requireStudent();
  const t = getMessages();
  const current = await questionsSetUp(user);
  const signedInAt = (await currentSession())?.signedInAt;
  return (
    <>
      <TopNav links={portalLinks()} name={user.fullName} />
      <Card title={t.app.ssprTitle} heading={t.setup.heading}>
        <p>{t.setup.intro}</p>
        <p className="rounded-lg bg-amber-50 p-3">{t.setup.warning}</p>
        <SetupForm
          replacing={current.length > 0}
          current={current}
          askPassword={setupNeedsPassword(current.length > 0, signedInAt)}
        />
      </Card>
    </>
  );
}
