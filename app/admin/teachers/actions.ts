"use server";
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/guards";
import { ForbiddenError } from "@/lib/data/errors";
import { importTeachers } from "@/lib/data/teacher-import";
import { addTeacher, setTeacherClasses, setTeacherEnabled } from "@/lib/data/teachers";
import {
  notAllowedState,
  parseForm,
  parseFormSchool,
  teacherAccessSchema,
  teacherClassesSchema,
  teacherSchema,
  type FormState,
} from "@/lib/forms";
import { clientInfo } from "@/lib/http/request";
import { schoolMessages } from "@/lib/messages";
import { TEACHERS_MAX_BYTES } from "@/lib/school/teacher-csv";
import type { TeacherImportState } from "./import-state";

// The school administrator's actions on teachers. Each checks its caller (requireAdmin) and the
// data function checks again; adding and importing act on the school the page showed, never on
// one chosen since in another tab; a teacher of another school is "You cannot do that."

const t = () => schoolMessages().teachers;

/** What was typed, put back into a refused form (nothing secret: names and classes). */
function typed(formData: FormData, names: string[]): Record<string, string> {
  const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value.slice(0, 1000) : "");
  return Object.fromEntries(names.map((name) => [name, text(formData.get(name))]));
}

async function refusedUnlessAllowed<S>(work: () => Promise<S>): Promise<S | FormState> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ForbiddenError) return notAllowedState();
    throw error;
  }
}

export async function addTeacherAction(_state: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdmin();
  const school = parseFormSchool(formData, admin.schoolId);
  if (!school.ok) return school.state;
  const values = typed(formData, ["loginId", "fullName", "classes"]);
  const parsed = parseForm(teacherSchema, formData, { values });
  if (!parsed.ok) return parsed.state;
  return refusedUnlessAllowed(async (): Promise<FormState> => {
    const result = await addTeacher(admin, { ...parsed.data, schoolId: school.data }, await clientInfo());
    if (result.status === "taken") return { status: "error", values, fieldErrors: { loginId: t().taken } };
    if (result.status === "unknownClasses") {
      const classes = t().unknownClasses(result.classes.join(", "));
      return { status: "error", values, fieldErrors: { classes } };
    }
    revalidatePath("/admin/teachers");
    const { loginId, temporaryPassword } = result.teacher;
    return { status: "success", message: t().added(loginId), generated: temporaryPassword };
  });
}

export async function changeTeacherClasses(_state: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdmin();
  const values = typed(formData, ["classes"]);
  const parsed = parseForm(teacherClassesSchema, formData, { values });
  if (!parsed.ok) return parsed.state.fieldErrors?.teacherId ? notAllowedState() : parsed.state;
  return refusedUnlessAllowed(async (): Promise<FormState> => {
    const result = await setTeacherClasses(admin, parsed.data, await clientInfo());
    if (result.status === "unknownClasses") {
      const classes = t().unknownClasses(result.classes.join(", "));
      return { status: "error", values, fieldErrors: { classes } };
    }
    revalidatePath("/admin/teachers");
    return { status: "success", message: t().classesSaved(result.fullName) };
  });
}

export async function changeTeacherAccess(_state: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdmin();
  const parsed = parseForm(teacherAccessSchema, formData);
  if (!parsed.ok) return notAllowedState();
  return refusedUnlessAllowed(async (): Promise<FormState> => {
    const { fullName } = await setTeacherEnabled(admin, parsed.data, await clientInfo());
    revalidatePath("/admin/teachers");
    return {
      status: "success",
      message: (parsed.data.enabled ? t().enabledDone : t().disabledDone)(fullName),
    };
  });
}

/** A CSV file of teachers: all of them added, or none and the rows to fix. */
export async function importTeachersAction(
  _state: TeacherImportState,
  formData: FormData,
): Promise<TeacherImportState> {
  const admin = await requireAdmin();
  const school = parseFormSchool(formData, admin.schoolId);
  if (!school.ok) return school.state;
  const words = t();
  const file = formData.get("file");
  const refused = (error: string): TeacherImportState => ({ status: "error", fieldErrors: { file: error } });
  if (!(file instanceof File) || file.size === 0)
    return refused(file instanceof File ? words.fileErrors.empty! : words.fileErrors.missing!);
  if (file.size > TEACHERS_MAX_BYTES) return refused(words.fileErrors.tooLarge!);
  const content = new Uint8Array(await file.arrayBuffer());
  return refusedUnlessAllowed(async (): Promise<TeacherImportState> => {
    const result = await importTeachers(admin, { schoolId: school.data, content }, await clientInfo());
    if (result.status === "refused")
      return refused(words.fileErrors[result.error] ?? words.fileErrors.unreadable!);
    if (result.status === "problems") {
      const problems = result.problems.map(({ line, reasons, unknownClasses }) => ({
        line,
        problems: [
          ...reasons.map((reason) => words.reasons[reason] ?? reason),
          ...(unknownClasses ? [words.unknownClasses(unknownClasses.join(", "))] : []),
        ],
      }));
      return { status: "error", message: words.problemsIntro(problems.length), problems };
    }
    revalidatePath("/admin/teachers");
    return {
      status: "success",
      message: words.imported(result.teachers.length),
      imported: result.teachers.map((teacher) => ({ ...teacher, classes: teacher.classes.join("; ") })),
    };
  });
}
