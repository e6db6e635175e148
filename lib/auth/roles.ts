// Who signs in: students (and their parents), and the school's staff. Staff (administrators and
// teachers) pass a second factor after the password and keep shorter sessions; each has a home
// page of their own. Pure: the guards, the data layer and the pages share it.

export const ROLES = ["student", "admin", "teacher"] as const;
export type Role = (typeof ROLES)[number];

/** School administrators and teachers: a second factor, short sessions, English pages. */
export function isStaff(role: Role): boolean {
  return role === "admin" || role === "teacher";
}

/** Where each role lands after signing in (and after the second factor, or a new password). */
export function homePathOf(role: Role): "/" | "/admin" | "/teacher" {
  return role === "admin" ? "/admin" : role === "teacher" ? "/teacher" : "/";
}
