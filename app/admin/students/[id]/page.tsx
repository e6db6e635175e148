import { schoolTime } from "@/lib/school/time";
import { Card, TextLink } from "@/app/components/card";
import { NoticeList } from "@/app/components/notice-list";
import { requireAdmin } from "@/lib/auth/guards";
import { resetPasswordFormToken } from "@/lib/data/student-accounts";
import { listNoticesForStudent } from "@/lib/data/notice-lists";
import { studentAuditTrail, studentDetail } from "@/lib/data/students";
import { questionText, schoolMessages } from "@/lib/messages";
import { LOCALE_NAMES } from "@/lib/messages/locales";
import { parseRowId } from "@/lib/forms/row-id";
import { clearQuestions, disableAccount, enableAccount, unlock } from "../../actions";
import { shownAddress } from "../../address";
import { loadOr404 } from "../../load";
import { adminMetadata } from "../../metadata";
import { ResetCodeForm, ResetPasswordForm, StudentAction, StudentLanguageForm } from "../../student-forms";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = adminMetadata((t) => t.admin.heading);

/** Another school's student, an administrator and a made-up id are all the same 404. */
export default async function StudentPage(props: Props) {
  const admin = await requireAdmin();
  const student = await loadOr404(props.params, parseRowId, (id) => studentDetail(admin, id));
  const [trail, notices] = await Promise.all([
    studentAuditTrail(admin, student.id),
    listNoticesForStudent(admin, student.id),
  ]);
  const t = schoolMessages();
  const a = t.admin;
  const lock =
    student.locked === "account"
      ? a.lockAccount
      : student.locked === "temporary"
        ? a.lockTemporary(schoolTime.format(student.lockedUntil ?? new Date()))
        : a.notLocked;
  const facts: [string, string][] = [
    [a.loginId, student.loginId],
    [a.className, student.className ?? "—"],
    [a.email, student.email ?? "—"],
    [a.guardianEmail, student.guardianEmail ?? "—"],
    [a.language, student.language ? LOCALE_NAMES[student.language] : a.languageNotSet],
    [a.status, student.status === "active" ? a.active : a.disabled],
    [a.lastSignIn, student.lastSignInAt ? schoolTime.format(student.lastSignInAt) : a.never],
    [a.mustChange, student.mustChangePassword ? a.yes : a.no],
    [a.lock, lock],
  ];
  return (
    <Card title={admin.schoolName} heading={student.fullName}>
      {/* On a desk: who the student is beside what the school can do. */}
      <div className="grid gap-x-10 gap-y-5 lg:grid-cols-2">
        <div className="min-w-0 space-y-5">
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            {facts.map(([term, value]) => (
              <div key={term} className="contents">
                <dt className="font-semibold">{term}</dt>
                <dd className="mb-2 break-words sm:mb-0">{value}</dd>
              </div>
            ))}
          </dl>
          <section aria-labelledby="questions-heading" className="space-y-2">
            <h2 id="questions-heading" className="text-xl font-bold">
              {a.questions}
            </h2>
            {student.questionIds.length === 0 ? (
              <p>{a.questionsNotSetUp}</p>
            ) : (
              <ol className="list-decimal space-y-1 pl-6">
                {student.questionIds.map((id) => (
                  <li key={id}>{questionText(schoolMessages(), id)}</li>
                ))}
              </ol>
            )}
          </section>
        </div>
        <div className="min-w-0 space-y-5">
          {student.locked && <StudentAction userId={student.id} action={unlock} button={a.unlock} />}
          <ResetPasswordForm userId={student.id} formToken={resetPasswordFormToken(admin, student.id)} />
          {student.status === "active" && <ResetCodeForm userId={student.id} />}
          {student.questionsSetUp && (
            <StudentAction
              userId={student.id}
              action={clearQuestions}
              heading={a.clearHeading}
              hint={a.clearHint}
              button={a.clearButton}
            />
          )}
          <StudentAction
            userId={student.id}
            action={student.status === "active" ? disableAccount : enableAccount}
            heading={a.accessHeading}
            hint={a.disableHint}
            button={student.status === "active" ? a.disableButton : a.enableButton}
          />
          <StudentLanguageForm userId={student.id} language={student.language} />
        </div>
        <div className="min-w-0">
          <NoticeList notices={notices} formatTime={(at) => schoolTime.format(at)} />
        </div>
        <section aria-labelledby="trail-heading" className="min-w-0 space-y-2">
          <h2 id="trail-heading" className="text-xl font-bold">
            {a.trailHeading}
          </h2>
          {trail.length === 0 ? (
            <p>{a.trailEmpty}</p>
          ) : (
            <ul className="space-y-2">
              {trail.map((entry, i) => (
                <li key={i} className="text-sm">
                  <time dateTime={entry.at.toISOString()} className="block font-semibold">
                    {schoolTime.format(entry.at)}
                  </time>
                  {a.auditActions[entry.action] ?? entry.action},{" "}
                  {a.doneBy(a.trailBy[entry.by] ?? entry.by, shownAddress(entry.clientAddress))}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <TextLink href="/admin">{a.backToList}</TextLink>
    </Card>
  );
}
