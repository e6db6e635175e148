import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray, isNull, lt, type SQL } from "drizzle-orm";
import { sessions, users } from "@/db/schema";
import type { Executor } from "@/db/client";
import { isStaff, type Role } from "@/lib/auth/roles";
import { getDb } from "./db";

// Server-side sessions behind the session cookie: a signed-out or idle session ends here,
// whatever the cookie says. Every session ends at an absolute limit after sign-in (students' after
// a school day and a bit); the staff's (administrators and teachers) are shorter: they also end
// after a short idle time, and soon if the second factor is not passed. Passing the second factor
// gives the session a new id.

export const ADMIN_IDLE_MINUTES = 30;
export const ADMIN_MAX_HOURS = 8;
export const STUDENT_MAX_HOURS = 12;
/** Time to pass the second factor after the password was accepted. */
export const SECOND_FACTOR_MINUTES = 10;
// Writing last-seen on every request would cost a write per page; once a minute is enough.
const TOUCH_EVERY_MS = 60_000;

const hashId = (id: string) => createHash("sha256").update(id).digest("hex");

// Sessions nobody has used for a day are cleared at most every ten minutes per instance, not on
// every sign-in (a morning rush would delete nothing hundreds of times a second).
const CLEAN_EVERY_MS = 10 * 60_000;
let lastCleaned = 0;

/** Clears sessions nobody has used for a day, unless this instance did so in the last ten minutes. */
export async function forgetIdleSessions(now = new Date()): Promise<void> {
  if (now.getTime() - lastCleaned < CLEAN_EVERY_MS) return;
  lastCleaned = now.getTime();
  const db = await getDb();
  await db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(now.getTime() - 86_400_000)));
}

/** A new session's id (for the cookie) and its row (only the id's hash is kept). */
export function newSession(userId: number): { id: string; row: typeof sessions.$inferInsert } {
  const id = randomBytes(32).toString("base64url");
  return { id, row: { idHash: hashId(id), userId } };
}

export async function startSession(userId: number, now = new Date()): Promise<string> {
  const { id, row } = newSession(userId);
  const db = await getDb();
  await db.insert(sessions).values(row);
  await forgetIdleSessions(now);
  return id;
}

export type LiveSession = { createdAt: Date; secondFactorAt: Date | null };

/** The session, if it still lives; touches it. A member of staff's session ends when idle, when
 *  too old, or when the second factor was not passed in time. */
export async function resumeSession(
  id: string,
  user: { id: number; role: Role },
  now = new Date(),
): Promise<LiveSession | null> {
  const db = await getDb();
  const idHash = hashId(id);
  const [row] = await db
    .select({
      userId: sessions.userId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      secondFactorAt: sessions.secondFactorAt,
    })
    .from(sessions)
    .where(eq(sessions.idHash, idHash));
  if (!row || row.userId !== user.id) return null;
  const idleMs = now.getTime() - row.lastSeenAt.getTime();
  const over = isStaff(user.role)
    ? staffSessionOver(row, idleMs, now)
    : now.getTime() - row.createdAt.getTime() > STUDENT_MAX_HOURS * 3_600_000;
  if (over) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  if (idleMs > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  return { createdAt: row.createdAt, secondFactorAt: row.secondFactorAt };
}

function staffSessionOver(row: { createdAt: Date; secondFactorAt: Date | null }, idleMs: number, now: Date) {
  const ageMs = now.getTime() - row.createdAt.getTime();
  return (
    idleMs > ADMIN_IDLE_MINUTES * 60_000 ||
    ageMs > ADMIN_MAX_HOURS * 3_600_000 ||
    (!row.secondFactorAt && ageMs > SECOND_FACTOR_MINUTES * 60_000)
  );
}

/** Whether the session still lives; touches it. */
export async function continueSession(
  id: string,
  user: { id: number; role: Role },
  now = new Date(),
): Promise<boolean> {
  return (await resumeSession(id, user, now)) !== null;
}

/** Moves a session to a new id, in the caller's transaction: the old id ends, the session goes on
 *  (with `changes`). Null when no session matches `which`. */
async function moveSession(
  db: Executor,
  which: SQL | undefined,
  changes: Partial<typeof sessions.$inferInsert> = {},
): Promise<string | null> {
  const [old] = await db.delete(sessions).where(which).returning();
  if (!old) return null;
  const renewed = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({ ...old, ...changes, idHash: hashId(renewed) });
  return renewed;
}

/** The session passed the second factor: from now on it may reach the administrators' pages,
 *  under a NEW id (the old one, which anyone could have seen before the second factor, ends here).
 *  Returns the new id for the session cookie, or null when the session is not waiting for it. */
export function trustSession(db: Executor, id: string, now = new Date()): Promise<string | null> {
  return moveSession(db, and(eq(sessions.idHash, hashId(id)), isNull(sessions.secondFactorAt)), {
    secondFactorAt: now,
  });
}

/** After the person changed their own password in this session (every session's version moved):
 *  this one goes on under a new id, keeping its second factor. Null when it is not theirs. */
export async function renewSessionId(id: string, userId: number): Promise<string | null> {
  const db = await getDb();
  return db.transaction((tx) =>
    moveSession(tx, and(eq(sessions.idHash, hashId(id)), eq(sessions.userId, userId))),
  );
}

/** The cookie's side of a renewal: takes `renewed` only if it is a live session of this person and
 *  the old id is gone, with the account's session version as it is now. */
export async function renewSession(
  oldId: string,
  renewed: string,
  userId: number,
): Promise<{ sid: string; sv: number } | null> {
  const db = await getDb();
  const rows = await db
    .select({ idHash: sessions.idHash, userId: sessions.userId, sv: users.sessionVersion })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(inArray(sessions.idHash, [hashId(oldId), hashId(renewed)]));
  const fresh = rows.find((row) => row.idHash === hashId(renewed));
  const oldStill = rows.some((row) => row.idHash === hashId(oldId));
  return fresh && fresh.userId === userId && !oldStill ? { sid: renewed, sv: fresh.sv } : null;
}

/** The key other tables may use for a session: the stored hash, never the id itself. */
export const sessionKey = hashId;

export async function endSession(id: string): Promise<void> {
  const db = await getDb();
  await db.delete(sessions).where(eq(sessions.idHash, hashId(id)));
}
