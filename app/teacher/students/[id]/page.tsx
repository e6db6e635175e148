import { Card, TextLink } from "@/app/components/card";
import { loadOr404 } from "@/app/admin/load";
import { requireTeacher } from "@/lib/auth/guards";
import { classStudentDetail } from "@/lib/data/class-students";
import { parseRowId } from "@/lib/forms/row-id";
import { schoolMessages } from "@/lib/messages";
import { config } from "@/lib/server/config";
import { StudentUnlock } from "../../student-unlock";
import { lockText } from "../../lock-text";
import { teacherMetadata } from "../../metadata";
import { ResetCodeForm } from "../../reset-code-form";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = teacherMetadata((t) => t.teacher.heading);

/** One student of the teacher's classes: who they are, Unlock when locked, and a one-time reset
 *  code. A student of another class or school, and a made-up id, are the same 404. */
export default async function ClassStudentPage(props: Props) {
  const teacher = await requireTeacher();
  const student = await loadOr404(props.params, parseRowId, (id) => classStudentDetail(teacher, id));
  const t = schoolMessages().teacher;
  const facts: [string, string][] = [
    [t.loginId, student.loginId],
    [t.className, student.className],
    [t.questions, student.questionsSetUp ? t.setUp : t.notSetUp],
    [t.lock, lockText(student)],
  ];
  return (
    <Card title={teacher.schoolName} heading={student.fullName} narrow>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-semibold">{term}</dt>
            <dd className="mb-2 break-words sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
      <StudentUnlock userId={student.id} fullName={student.fullName} locked={student.locked !== null} />
      <ResetCodeForm userId={student.id} codeAt={`${config.appUrl}/sspr/code`} />
      <TextLink href="/teacher">{t.backToClasses}</TextLink>
    </Card>
  );
}
