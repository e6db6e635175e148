// The students of the PostgreSQL restart story: created straight in the database, many at once,
// each handed out once so that each has at most one reset attempt.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { schools, securityAnswers, users } from "@/db/schema";
import { normaliseAnswer } from "@/lib/reset/answers";
import { hashSecret } from "@/lib/crypto/hashing";
import { ANSWERS } from "./flows";

export const OLD_PASSWORD = "Harbour-Lights-2031";

export type Student = { id: number; loginId: string };

/** Students of Clementi with the same old password and answers, hashed once for all of them. */
export async function createStudents(db: Db, prefix: string, count: number) {
  const [school] = await db
    .select({ id: schools.id })
    .from(schools)
    .where(eq(schools.name, "Clementi Primary School"));
  const passwordHash = await hashSecret(OLD_PASSWORD);
  const answers: [number, string][] = [];
  for (const [id, answer] of Object.entries(ANSWERS))
    answers.push([Number(id), await hashSecret(normaliseAnswer(answer))]);
  const students = await db
    .insert(users)
    .values(
      Array.from({ length: count }, (_, i) => ({
        schoolId: school!.id,
        role: "student" as const,
        loginId: `${prefix}${i + 1}`,
        fullName: `Pupil Number ${i + 1}`,
        passwordHash,
      })),
    )
    .returning({ id: users.id, loginId: users.loginId });
  await db.insert(securityAnswers).values(
    students.flatMap((s) =>
      answers.map(([questionId, answerHash], i) => ({
        userId: s.id,
        position: i + 1,
        questionId,
        answerHash,
      })),
    ),
  );
  return { students, passwordHash };
}

/** Hands each student out once. */
export function studentPool(students: Student[]) {
  let next = 0;
  return () => {
    const student = students[next++];
    if (!student) throw new Error(`all ${students.length} students are used`);
    return student;
  };
}
