// Demo data for an empty database: two schools, so that school scoping is visible. Only for the
// demo: lib/data/db.ts seeds it in development or when SEED_DEMO=1 asks for it, never otherwise.
// The administrators' passwords are published in README.md, so each must be changed at the first
// sign-in (after the second factor is set up), in development too.
import { hashSecret } from "../lib/crypto/hashing";
import { normaliseAnswer } from "../lib/reset/answers";
import type { Db } from "./client";
import { schools, securityAnswers, users } from "./schema";

type DemoUser = {
  role: "student" | "admin";
  loginId: string;
  fullName: string;
  password: string;
  email?: string;
  guardianEmail?: string;
  className?: string;
  mustChangePassword?: boolean;
  /** A ministry administrator (home: this school; acts on every school). */
  ministry?: boolean;
  answers?: [number, string][];
};

export const DEMO_SCHOOLS: { name: string; contactEmail: string; users: DemoUser[] }[] = [
  {
    name: "Clementi Primary School",
    contactEmail: "mims-admin@clementi-ps.example",
    users: [
      {
        role: "student",
        loginId: "alex_tan",
        fullName: "Alex Tan Wei Ming",
        password: "Sunny-Harbour-42",
        className: "P4 Courage",
        guardianEmail: "tan.family@parents.example",
      },
      {
        role: "student",
        loginId: "siti_rahman",
        fullName: "Siti Nur Rahman",
        password: "Blue-Kite-Flying-7",
        email: "siti_rahman@students.clementi-ps.example",
        guardianEmail: "rahman.family@parents.example",
        className: "P5 Integrity",
        answers: [
          [2, "purple"],
          [3, "badminton"],
          [4, "chicken rice"],
        ],
      },
      {
        role: "student",
        loginId: "nurul_huda",
        fullName: "Nurul Huda binte Ahmad",
        password: "Welcome-Clementi-2027",
        className: "P1 Kindness",
        mustChangePassword: true,
      },
      {
        role: "student",
        loginId: "priya_nair",
        fullName: "Priya Nair",
        password: "Rainbow-Pencil-31",
        email: "priya_nair@students.clementi-ps.example",
        guardianEmail: "nair.family@parents.example",
        className: "P2 Harmony",
      },
      {
        role: "admin",
        loginId: "moe_admin",
        fullName: "Ministry MIMS Administrator",
        password: "Ministry-Desk-2026",
        ministry: true,
      },
      {
        role: "admin",
        loginId: "clementi_admin",
        fullName: "Clementi MIMS Administrator",
        password: "Quiet-Library-2026",
      },
    ],
  },
  {
    name: "Jurong West Primary School",
    contactEmail: "mims-admin@jurongwest-ps.example",
    users: [
      {
        role: "student",
        loginId: "lim_wei_jie",
        fullName: "Lim Wei Jie",
        password: "Green-Paper-Boat-5",
        className: "P3 Respect",
      },
      {
        role: "admin",
        loginId: "jurongwest_admin",
        fullName: "Jurong West MIMS Administrator",
        password: "Silver-Bicycle-2026",
      },
    ],
  },
];

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
            mustChangePassword: person.mustChangePassword ?? person.role === "admin",
            ministry: person.ministry ?? false,
            passwordHash: await hashSecret(person.password),
          })
          .returning({ id: users.id });
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
