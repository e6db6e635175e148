// What the teachers' CSV import answers: a problem with the file (next to its field), the rows to
// fix (nothing was imported), or the teachers added with their temporary passwords, shown once.

export type ImportedTeacher = {
  loginId: string;
  fullName: string;
  classes: string;
  temporaryPassword: string;
};

export type TeacherImportState = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Each row to fix and its problems, in words. */
  problems?: { line: number; problems: string[] }[];
  imported?: ImportedTeacher[];
};

export const NOT_IMPORTED: TeacherImportState = { status: "idle" };
