import { Card } from "@/app/components/card";
import { requireTeacher } from "@/lib/auth/guards";
import { listClassStudents } from "@/lib/data/class-students";
import { schoolMessages } from "@/lib/messages";
import { ClassTables, type ClassTable } from "./class-tables";
import { lockText } from "./lock-text";
import { teacherMetadata } from "./metadata";

export const generateMetadata = teacherMetadata((t) => t.teacher.heading);

/** A teacher's home: the students of their classes, class by class. */
export default async function TeacherPage() {
  const teacher = await requireTeacher();
  const { classes, students } = await listClassStudents(teacher);
  const t = schoolMessages().teacher;
  const tables: ClassTable[] = classes.map((className) => ({
    className,
    students: students
      .filter((student) => student.className === className)
      .map((student) => ({
        id: student.id,
        fullName: student.fullName,
        loginId: student.loginId,
        questionsSetUp: student.questionsSetUp,
        locked: student.locked !== null,
        lockText: lockText(student),
      })),
  }));
  return (
    <Card title={teacher.schoolName} heading={t.heading}>
      {classes.length === 0 ? <p>{t.noClasses}</p> : <p>{t.intro}</p>}
      {classes.length > 0 && <ClassTables tables={tables} />}
    </Card>
  );
}
