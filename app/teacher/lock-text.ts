import type { ClassStudent } from "@/lib/data/class-students";
import { schoolMessages } from "@/lib/messages";
import { schoolTime } from "@/lib/school/time";

/** Whether and how the student is locked, in the teacher's words. */
export function lockText(student: Pick<ClassStudent, "locked" | "lockedUntil">): string {
  const t = schoolMessages().teacher;
  if (student.locked === "account") return t.lockAccount;
  if (student.locked === "temporary")
    return t.lockTemporary(schoolTime.format(student.lockedUntil ?? new Date()));
  return t.notLocked;
}
