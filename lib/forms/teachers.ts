// The school administrator's forms for teachers (app/admin/teachers): add one, change a teacher's
// classes, disable or enable them. Classes are typed as a list separated by `;` and checked as a
// CSV file's are (lib/school/teacher-csv.ts); the data layer then matches them with the classes
// the school's students are in.
import { z } from "zod";
import { schoolMessages } from "@/lib/messages/school";
import { CLASS_MAX } from "@/lib/school/cohort-csv";
import { CLASSES_PER_TEACHER_MAX, classesProblems, splitClasses } from "@/lib/school/teacher-csv";
import { rowIdField, text } from "./fields";

/** The school's forms speak English (lib/messages/school.ts). */
const words = schoolMessages();
const t = words.teachers;

/** Longer than any list of classes can be (20 classes of 40 characters, and the `;`s). */
const CLASSES_FIELD_MAX = 1000;

const classes = (options: { required: boolean }) =>
  z
    .string()
    .catch("")
    .pipe(z.string().max(CLASSES_FIELD_MAX, { error: `tooLong:${CLASSES_FIELD_MAX}` }))
    .transform(splitClasses)
    .superRefine((list, context) => {
      const reasons = classesProblems(list);
      const say = (message: string) => context.addIssue({ code: "custom", message });
      if (options.required && list.length === 0) say(t.classesMissing);
      else if (reasons.includes("tooManyClasses")) say(t.tooManyClasses(CLASSES_PER_TEACHER_MAX));
      else if (reasons.includes("classTooLong")) say(t.classTooLong(CLASS_MAX));
      else if (reasons.length > 0) say(words.teachers.reasons[reasons[0]!] ?? "invalid");
    });

const loginId = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, { error: words.ministry.invalidLoginId });

export const teacherSchema = z.object({
  loginId,
  fullName: text(100, { trim: true }),
  classes: classes({ required: true }),
});

const teacherId = rowIdField(words.admin.notAllowed);

export const teacherClassesSchema = z.object({ teacherId, classes: classes({ required: false }) });

export const teacherAccessSchema = z.object({
  teacherId,
  enabled: z.enum(["true", "false"]).transform((value) => value === "true"),
});
