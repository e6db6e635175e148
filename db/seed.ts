// Demo data for an empty database: two schools, so that school scoping is visible. Only for the
// demo: lib/data/db.ts seeds it in development or when SEED_DEMO=1 asks for it, never otherwise.
// The staff's (administrators' and the teacher's) passwords are published in README.md, so each must
// be changed at the first sign-in (after the second factor is set up), in development too.
import { hashSecret } from "../lib/crypto/hashing";
import { normaliseAnswer } from "../lib/reset/answers";
import type { Db } from "./client";
import { DEMO_SCHOOLS } from "./demo-accounts";
import { schools, securityAnswers, teacherClasses, users } from "./schema";

/** Seeds only an empty database; returns whether it did. */
export async function seedDemoData(db: Db): Promise<boolean> {
  const existing = await db.select({ id: schools.id }).from(schools).limit(1);
  if (existing.length > 0) return false;
  await db.transaction(async (tx) => {
    for (const demo of DEMO_SCHOOLS) {
      const [school] = await tx
        .insert(schools)
        .values({ name: demo.name, contactEmail: demo.contactEmail })
        .returning({ id: schools.id });
      for (const person of demo.users) {
        const [user] = await tx
          .insert(users)
          .values({
            schoolId: school!.id,
            role: person.role,
            loginId: person.loginId,
            fullName: person.fullName,
            email: person.email ?? null,
            guardianEmail: person.guardianEmail ?? null,
            className: person.className ?? null,
            language: person.language ?? null,
            mustChangePassword: person.mustChangePassword ?? person.role !== "student",
            ministry: person.ministry ?? false,
            passwordHash: await hashSecret(person.password),
          })
          .returning({ id: users.id });
        for (const className of person.classes ?? []) {
          await tx.insert(teacherClasses).values({ teacherId: user!.id, className });
        }
        for (const [i, [questionId, answer]] of (person.answers ?? []).entries()) {
          await tx.insert(securityAnswers).values({
            userId: user!.id,
            position: i + 1,
            questionId,
            answerHash: await hashSecret(normaliseAnswer(answer)),
          });
        }
      }
    }
  });
  return true;
}
