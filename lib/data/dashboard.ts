import "server-only";
import { and, asc, count, eq, exists, gte, inArray, sql } from "drizzle-orm";
import { auditEvents, securityAnswers, users } from "@/db/schema";
import { assertActor, type Actor } from "./actor";
import type { AuditAction } from "./audit-write";
import { getDb } from "./db";
import { config } from "@/lib/server/config";
import { schoolDay } from "@/lib/school/time";

// The school's dashboard: who is covered by security questions, class by class, and what the
// reset service did over the last 30 days. The administrator's own school only.

export type ClassCoverage = { className: string | null; students: number; setUp: number };

export async function questionCoverageByClass(actor: Actor): Promise<ClassCoverage[]> {
  const admin = await assertActor(actor, "admin");
  const db = await getDb();
  const hasAnswers = exists(
    db
      .select({ one: sql`1` })
      .from(securityAnswers)
      .where(eq(securityAnswers.userId, users.id)),
  );
  return db
    .select({
      className: users.className,
      students: count(),
      setUp: sql<number>`count(*) filter (where ${hasAnswers})`.mapWith(Number),
    })
    .from(users)
    .where(and(eq(users.schoolId, admin.schoolId), eq(users.role, "student"), eq(users.status, "active")))
    .groupBy(users.className)
    .orderBy(asc(users.className));
}

export const ACTIVITY_KINDS = {
  resets: ["password_reset", "password_reset_by_admin"],
  locks: ["reset_path_locked", "account_locked"],
  unlocks: ["account_unlocked"],
} as const satisfies Record<string, readonly AuditAction[]>;
export type ActivityKind = keyof typeof ACTIVITY_KINDS;
export type ActivityDay = { day: string } & Record<ActivityKind, number>;

export const ACTIVITY_DAYS = 30;
const dayOf = schoolDay;

/** One entry per school day (the school's time zone) of the last 30, oldest first, zeros included. */
export async function activityLast30Days(actor: Actor, now = new Date()): Promise<ActivityDay[]> {
  const admin = await assertActor(actor, "admin");
  const db = await getDb();
  const days = Array.from({ length: ACTIVITY_DAYS }, (_, i) =>
    dayOf(new Date(now.getTime() - (ACTIVITY_DAYS - 1 - i) * 86_400_000)),
  );
  // From the earliest the first day can start in any time zone (UTC+14); rows of the day before
  // are grouped under a day not in `days` and left out below.
  const since = new Date(Date.parse(`${days[0]}T00:00:00Z`) - 14 * 3_600_000);
  const kindOf = new Map<string, ActivityKind>(
    Object.entries(ACTIVITY_KINDS).flatMap(([kind, actions]) =>
      actions.map((a) => [a, kind as ActivityKind]),
    ),
  );
  // The zone written into the SQL (a checked setting, quoted), so that GROUP BY sees the same
  // expression.
  const zone = sql.raw(`'${config.schoolTimeZone.replaceAll("'", "''")}'`);
  const day = sql<string>`to_char(${auditEvents.at} at time zone ${zone}, 'YYYY-MM-DD')`;
  const rows = await db
    .select({ day, action: auditEvents.action, n: count() })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.schoolId, admin.schoolId),
        gte(auditEvents.at, since),
        inArray(auditEvents.action, [...kindOf.keys()]),
      ),
    )
    .groupBy(day, auditEvents.action);
  const byDay = new Map(
    days.map((d): [string, ActivityDay] => [d, { day: d, resets: 0, locks: 0, unlocks: 0 }]),
  );
  for (const row of rows) {
    const entry = byDay.get(row.day);
    const kind = kindOf.get(row.action);
    if (entry && kind) entry[kind] += row.n;
  }
  return [...byDay.values()];
}
