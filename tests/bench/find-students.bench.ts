// Finding students, their question coverage and the dashboard's 30 days, for a school of 3,000
// and a school of 100 on one fresh PostgreSQL database: the ratio shows how the pages scale.
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { migrateDatabase, openPostgres, type Database } from "@/db/client";
import { auditEvents, schools, securityAnswers, users } from "@/db/schema";
import { activityLast30Days, questionCoverageByClass } from "@/lib/data/dashboard";
import { setDatabase } from "@/lib/data/db";
import { findStudents } from "@/lib/data/students";
import type { SessionUser } from "@/lib/data/users";
import { loadSessionUser } from "@/lib/data/users";
import { hashSecret } from "@/lib/crypto/hashing";

const adminUrl = process.env.TEST_POSTGRES_URL!;
const name = `sspr_bench_${randomBytes(6).toString("hex")}`;
let database: Database;
const admins: Record<"small" | "large", SessionUser> = {} as never;
const NAMES = ["Tan", "Lim", "Lee", "Ng", "Wong", "Kumar", "Rahman", "Goh", "Chua", "Nair"];

async function school(label: "small" | "large", students: number, passwordHash: string) {
  const { db } = database;
  const [row] = await db
    .insert(schools)
    .values({ name: `${label} Primary School`, contactEmail: `${label}@school.example` })
    .returning({ id: schools.id });
  const values = Array.from({ length: students }, (_, i) => ({
    schoolId: row!.id,
    role: "student" as const,
    loginId: `${label}_${i}`,
    fullName: `${NAMES[i % NAMES.length]} Pupil ${i}`,
    className: `P${1 + (i % 6)} Class ${Math.floor(i / 40)}`,
    email: `${label}_${i}@students.example`,
    passwordHash,
  }));
  for (let i = 0; i < values.length; i += 500) {
    const ids = await db
      .insert(users)
      .values(values.slice(i, i + 500))
      .returning({ id: users.id });
    // Two students in three have set up questions; one audit line a day for each.
    const answers = ids
      .filter((_, j) => (i + j) % 3 !== 0)
      .flatMap(({ id }) =>
        [1, 2, 3].map((q) => ({ userId: id, position: q, questionId: q, answerHash: passwordHash })),
      );
    if (answers.length > 0) await db.insert(securityAnswers).values(answers);
    await db.insert(auditEvents).values(
      ids.map(({ id }, j) => ({
        action: j % 2 === 0 ? "password_reset" : "account_unlocked",
        targetUserId: id,
        schoolId: row!.id,
        at: new Date(Date.now() - ((i + j) % 30) * 86_400_000),
      })),
    );
  }
  const [admin] = await db
    .insert(users)
    .values({
      schoolId: row!.id,
      role: "admin",
      loginId: `${label}_admin`,
      fullName: "Bench Admin",
      passwordHash,
    })
    .returning({ id: users.id });
  admins[label] = (await loadSessionUser(admin!.id, 1))!;
}

beforeAll(async () => {
  const admin = await openPostgres(adminUrl, { max: 1 });
  await admin.db.execute(sql.raw(`CREATE DATABASE ${name}`));
  await admin.close();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  database = await openPostgres(url.toString(), { max: 4 });
  await migrateDatabase(database);
  setDatabase(database);
  const hash = await hashSecret("Bench-Password-123");
  await school("small", 100, hash);
  await school("large", 3000, hash);
  await database.db.execute(sql`ANALYZE`);
  const [{ n } = { n: 0 }] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(eq(users.role, "student"));
  console.log(`[bench] ${n} students in two schools`);
}, 120_000);

afterAll(async () => {
  await database?.close();
  const again = await openPostgres(adminUrl, { max: 1 });
  await again.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  await again.close();
});

const all = { query: "", filter: "all" as const, page: 1 };
const cases = {
  "first page of every student": (a: SessionUser) => findStudents(a, all),
  "the last page": (a: SessionUser) => findStudents(a, { ...all, page: 1000 }),
  "search by a name word": (a: SessionUser) => findStudents(a, { ...all, query: "kumar" }),
  "filter: questions not set up": (a: SessionUser) => findStudents(a, { ...all, filter: "noQuestions" }),
  "coverage by class": (a: SessionUser) => questionCoverageByClass(a),
  "the last 30 days": (a: SessionUser) => activityLast30Days(a),
};

for (const [title, run] of Object.entries(cases)) {
  describe(title, () => {
    bench("100 students", () => run(admins.small).then(() => undefined), { time: 1000 });
    bench("3,000 students", () => run(admins.large).then(() => undefined), { time: 1000 });
  });
}
