import { Card } from "@/app/components/card";
import { requireAdmin } from "@/lib/auth/guards";
import { listTeachers } from "@/lib/data/teachers";
import { schoolClasses } from "@/lib/data/yearly-reset";
import { schoolMessages } from "@/lib/messages";
import { TEACHERS_MAX_BYTES, TEACHERS_MAX_ROWS } from "@/lib/school/teacher-csv";
import { adminMetadata } from "../metadata";
import { AddTeacherForm, TeacherItem } from "./forms";
import { ImportTeachersForm } from "./import-form";

export const generateMetadata = adminMetadata((t) => t.teachers.heading);

/** The school's teachers and their classes: add one, change classes, disable; or import a file. */
export default async function TeachersPage() {
  const admin = await requireAdmin();
  const t = schoolMessages().teachers;
  const [teachers, classes] = await Promise.all([listTeachers(admin), schoolClasses(admin)]);
  const classesHint =
    classes.length > 0 ? t.classesHint(classes.map((c) => c.className).join(", ")) : t.noKnownClasses;
  return (
    <Card title={admin.schoolName} heading={t.heading}>
      <p>{t.intro}</p>
      <div className="grid gap-x-10 gap-y-8 lg:grid-cols-2">
        <section aria-labelledby="teachers-heading" className="min-w-0 space-y-3">
          <h2 id="teachers-heading" className="text-xl font-bold">
            {t.listHeading}
          </h2>
          <p className="text-sm">{classesHint}</p>
          {teachers.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <ul className="space-y-3">
              {teachers.map((teacher) => (
                <TeacherItem
                  key={teacher.id}
                  teacher={{
                    id: teacher.id,
                    loginId: teacher.loginId,
                    fullName: teacher.fullName,
                    disabled: teacher.status === "disabled",
                    classes: teacher.classes.join("; "),
                  }}
                />
              ))}
            </ul>
          )}
        </section>
        <div className="min-w-0 space-y-8">
          <AddTeacherForm schoolId={admin.schoolId} classesHint={classesHint} />
          <ImportTeachersForm
            schoolId={admin.schoolId}
            maxKilobytes={TEACHERS_MAX_BYTES / 1024}
            maxRows={TEACHERS_MAX_ROWS}
          />
        </div>
      </div>
    </Card>
  );
}
