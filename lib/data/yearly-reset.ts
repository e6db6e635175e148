import "server-only";
import { and, asc, count, eq, gt, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { sessions, signInThrottles, slipSets, users } from "@/db/schema";
import type { ClientInput } from "@/lib/http/request";
import { schoolMessages } from "@/lib/messages";
import { assertActor, assertAdminOnSchool, type Actor } from "./actor";
import { recordAuditRows } from "./audit-write";
import { getDb } from "./db";
import { queuePasswordChangedNotices } from "./notices";
import { endResetGrants } from "./reset-grants";
import { createSlipSet, makeTemporaryPasswords, markSlipsReady, runInBackground } from "./slips";
import type { SessionUser } from "./users";

// The yearly reset: every active student of a class, or of the whole school, gets a temporary
// password that must be changed at the next sign-in, and every one of their sessions ends. The
// hashing runs in the background; the change itself is one transaction, for all or none.

export type SchoolClass = { className: string; students: number };

/** The classes of the administrator's school that have active students, by name. */
export async function schoolClasses(actor: Actor): Promise<SchoolClass[]> {
  const admin = await assertActor(actor, "admin");
  const db = await getDb();
  const rows = await db
    .select({ className: users.className, students: count() })
    .from(users)
    .where(and(...activeStudentsOf(admin.schoolId), isNotNull(users.className)))
    .groupBy(users.className)
    .orderBy(asc(users.className));
  return rows.map((row) => ({ className: row.className!, students: row.students }));
}

const activeStudentsOf = (schoolId: number): SQL[] => [
  eq(users.schoolId, schoolId),
  eq(users.role, "student"),
  eq(users.status, "active"),
];

/** `slipSetId`: the slip set's public id (lib/data/slips.ts), for its pages' addresses. */
export type ResetStart = { status: "started"; slipSetId: string } | { status: "noStudents" };

/** `className` null: the whole school named by `schoolId`. */
export async function startYearlyReset(
  actor: Actor,
  scope: { schoolId: number; className: string | null },
  client: ClientInput,
): Promise<ResetStart> {
  const admin = await assertAdminOnSchool(actor, scope.schoolId);
  const db = await getDb();
  const where = and(
    ...activeStudentsOf(admin.schoolId),
    scope.className === null ? undefined : eq(users.className, scope.className),
  );
  const students = await db
    .select({
      id: users.id,
      loginId: users.loginId,
      email: users.email,
      fullName: users.fullName,
      className: users.className,
    })
    .from(users)
    .where(where)
    .orderBy(asc(users.className), asc(users.fullName), asc(users.id));
  if (students.length === 0) return { status: "noStudents" };
  const scopeWords = scope.className ?? schoolMessages().cohort.wholeSchool;
  // One reset of a scope at a time (two clicks, two tabs, two administrators): a second start
  // while one is working gets that one's progress, not a second set of passwords.
  const claimed = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${RESET_LOCK}, ${admin.schoolId})`);
    const [running] = await tx
      .select({ id: slipSets.id, publicId: slipSets.publicId })
      .from(slipSets)
      .where(
        and(
          eq(slipSets.schoolId, admin.schoolId),
          eq(slipSets.kind, "yearly_reset"),
          eq(slipSets.scope, scopeWords),
          eq(slipSets.status, "working"),
          gt(slipSets.createdAt, sql`now() - interval '30 minutes'`),
        ),
      );
    if (running) return { slipSet: running, isNew: false };
    const slipSet = await createSlipSet(tx, {
      schoolId: admin.schoolId,
      createdBy: admin.id,
      kind: "yearly_reset",
      scope: scopeWords,
      total: students.length,
    });
    return { slipSet, isNew: true };
  });
  const { slipSet } = claimed;
  if (claimed.isNew) runInBackground(slipSet, () => applyReset(admin, slipSet.id, students, client));
  return { status: "started", slipSetId: slipSet.publicId };
}

/** The advisory lock's first key: "yearly reset" (the second is the school). */
const RESET_LOCK = 0x59524553;

type Student = {
  id: number;
  loginId: string;
  email: string | null;
  fullName: string;
  className: string | null;
};

async function applyReset(admin: SessionUser, slipSetId: number, students: Student[], client: ClientInput) {
  const made = await makeTemporaryPasswords(slipSetId, students, admin.schoolName);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const changed = new Set<number>();
    for (let i = 0; i < made.length; i += 500) {
      const chunk = made.slice(i, i + 500);
      const values = sql.join(
        chunk.map(({ owner, passwordHash }) => sql`(${owner.id}::integer, ${passwordHash}::text)`),
        sql`, `,
      );
      // Only students still active in this school: one disabled or moved meanwhile is left alone.
      const rows = await tx.execute<{ id: number }>(sql`
        update users set password_hash = v.hash, must_change_password = true,
          session_version = users.session_version + 1
        from (values ${values}) as v(id, hash)
        where users.id = v.id and users.school_id = ${admin.schoolId}
          and users.role = 'student' and users.status = 'active'
        returning users.id`);
      for (const row of rowsOf<{ id: number }>(rows)) changed.add(Number(row.id));
    }
    const ids = [...changed];
    for (let i = 0; i < ids.length; i += 1000) {
      await tx.delete(sessions).where(inArray(sessions.userId, ids.slice(i, i + 1000)));
      await endResetGrants(tx, ids.slice(i, i + 1000));
      await tx.delete(signInThrottles).where(inArray(signInThrottles.userId, ids.slice(i, i + 1000)));
    }
    const clientAddress = client?.address ?? null;
    await recordAuditRows(
      tx,
      ids.map((id) => ({
        action: "yearly_reset" as const,
        actorUserId: admin.id,
        targetUserId: id,
        schoolId: admin.schoolId,
        clientAddress,
      })),
    );
    for (const id of ids) await queuePasswordChangedNotices(tx, { userId: id, how: "admin", client });
    const slips = made
      .filter(({ owner }) => changed.has(owner.id))
      .map(({ owner, temporaryPassword }) => ({
        fullName: owner.fullName,
        className: owner.className,
        loginId: owner.loginId,
        temporaryPassword,
      }));
    await markSlipsReady(tx, slipSetId, slips);
  });
}

/** postgres-js gives the rows as the result; PGlite as `.rows`. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return (result as { rows?: T[] }).rows ?? [];
}
