import { Card } from "@/app/components/card";
import { TopNav, portalLinks } from "@/app/components/top-nav";
import { setupNeedsPassword } from "@/lib/reset/answers";
import { currentSession, requireStudent } from "@/lib/auth/guards";
import { questionsSetUp } from "@/lib/data/security-questions";
import { getMessages, pageTitle, questionText } from "@/lib/messages";
import { errorWords } from "@/lib/forms/parse";
import { ANSWER_FIELD_MAX_LENGTH } from "@/lib/forms/state";
import { PASSWORD_MAX_LENGTH } from "@/lib/passwords/policy";
import { FIRST_SETUP_WITHOUT_PASSWORD_MINUTES } from "@/lib/reset/answers";
import { SECURITY_QUESTIONS } from "@/lib/reset/questions";
import type { Messages } from "@/lib/messages";
import { SetupForm, type SetupWords } from "./setup-form";

function setupWords(t: Messages, replacing: boolean): SetupWords {
  const s = t.setup;
  return {
    prompt: s.prompt,
    placeholder: s.placeholder,
    questionLabels: [1, 2, 3].map((i) => s.question(i)),
    answerLabels: [1, 2, 3].map((i) => s.answer(i)),
    answerHint: s.answerHint,
    currentPassword: s.currentPassword,
    currentPasswordHint: replacing
      ? s.currentPasswordHint
      : s.currentPasswordHintLateSignIn(FIRST_SETUP_WITHOUT_PASSWORD_MINUTES),
    submit: s.submit,
    questions: SECURITY_QUESTIONS.map((q) => ({ id: q.id, text: questionText(t, q.id) })),
    errors: errorWords(t, [ANSWER_FIELD_MAX_LENGTH, PASSWORD_MAX_LENGTH]),
    summary: t.errors.summary,
    reveal: t.reveal,
  };
}

export const generateMetadata = pageTitle((t) => t.setup.heading);

export default async function SetupQuestionsPage() {
  const user = await requireStudent();
  const t = await getMessages();
  const current = await questionsSetUp(user);
  const signedInAt = (await currentSession())?.signedInAt;
  return (
    <>
      <TopNav links={portalLinks(t.portal)} name={user.fullName} />
      <Card title={t.app.ssprTitle} heading={t.setup.heading}>
        <p>{t.setup.intro}</p>
        <p className="rounded-lg bg-amber-50 p-3">{t.setup.warning}</p>
        <SetupForm
          current={current}
          askPassword={setupNeedsPassword(current.length > 0, signedInAt)}
          t={setupWords(t, current.length > 0)}
        />
      </Card>
    </>
  );
}
