import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { signInThrottles } from "@/db/schema";
import type { Executor, Tx } from "@/db/client";
import {
  FRESH_THROTTLE,
  afterRightPassword,
  takeTurn,
  type ThrottleState,
} from "@/lib/limits/sign-in-throttle";
import { getDb } from "./db";

// The per-account sign-in limits' rows (lib/limits/sign-in-throttle.ts has the rules). Every change runs
// under a row lock (SELECT … FOR UPDATE), so parallel tries on any instance see each other.

export type ThrottleKey = { key: string; userId: number | null };

export type TakenTurn =
  | { allowed: true; taken: ThrottleState; at: Date; slowedNow: boolean }
  | { allowed: false; retryAfterSeconds: number };

const stateOf = (row: typeof signInThrottles.$inferSelect): ThrottleState => ({
  failures: row.failures,
  recentFailures: row.recentFailures,
  blockedUntil: row.blockedUntil,
});

async function lockRow(tx: Tx, key: ThrottleKey): Promise<ThrottleState> {
  await tx.insert(signInThrottles).values({ key: key.key, userId: key.userId }).onConflictDoNothing();
  const [row] = await tx.select().from(signInThrottles).where(eq(signInThrottles.key, key.key)).for("update");
  return row ? stateOf(row) : { ...FRESH_THROTTLE };
}

async function write(tx: Executor, key: string, state: ThrottleState, now: Date): Promise<void> {
  await tx
    .update(signInThrottles)
    .set({ ...state, updatedAt: now })
    .where(eq(signInThrottles.key, key));
}

/** Takes a try for this key before the password is judged, or says how long to wait. */
export async function takeSignInTurn(key: ThrottleKey, now = new Date()): Promise<TakenTurn> {
  const db = await getDb();
  // The usual case, a key with no run of wrong passwords: its first try is one statement.
  const first = takeTurn(FRESH_THROTTLE, now);
  if (first.allowed) {
    const [fresh] = await db
      .insert(signInThrottles)
      .values({ key: key.key, userId: key.userId, ...first.next, updatedAt: now })
      .onConflictDoNothing()
      .returning({ key: signInThrottles.key });
    if (fresh) return { allowed: true, taken: first.next, at: now, slowedNow: first.slowedNow };
  }
  return db.transaction(async (tx) => {
    const turn = takeTurn(await lockRow(tx, key), now);
    if (!turn.allowed) return turn;
    await write(tx, key.key, turn.next, now);
    return { allowed: true, taken: turn.next, at: now, slowedNow: turn.slowedNow };
  });
}

/** The usual end of a right password's run: the key's row goes, if this try was its only one
 *  in the last hour and nothing came since (a DELETE … RETURNING, to run alone or inside a
 *  larger statement: lib/data/sign-in.ts). No row back: giveBackSignInTurn does the rest. */
export function dropSoleTry(db: Executor, key: ThrottleKey) {
  return db
    .delete(signInThrottles)
    .where(
      and(
        eq(signInThrottles.key, key.key),
        eq(signInThrottles.failures, 1),
        sql`cardinality(${signInThrottles.recentFailures}) = 1`,
      ),
    )
    .returning({ key: signInThrottles.key });
}

/** The try was the right password: the run of wrong ones ends. */
export async function giveBackSignInTurn(key: ThrottleKey, at: Date): Promise<void> {
  const db = await getDb();
  const [gone] = await dropSoleTry(db, key);
  if (gone) return;
  await db.transaction(async (tx) => {
    const state = await lockRow(tx, key);
    await write(tx, key.key, afterRightPassword(state, at), new Date());
  });
}

/** A new password (reset, change, the school's reset): guesses at the old one no longer matter. */
export async function clearSignInThrottle(tx: Executor, userId: number): Promise<void> {
  await tx.delete(signInThrottles).where(eq(signInThrottles.userId, userId));
}

const CLEAN_EVERY_MS = 10 * 60_000;
let lastCleaned = 0;

/** Rows nobody has tried for a day and that no longer hold anyone back (most are unknown IDs).
 *  Cleared at most every ten minutes per instance, not on every try. */
export async function forgetIdleSignInThrottles(now = new Date()): Promise<void> {
  if (now.getTime() - lastCleaned < CLEAN_EVERY_MS) return;
  lastCleaned = now.getTime();
  const db = await getDb();
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await db
    .delete(signInThrottles)
    .where(
      and(
        lt(signInThrottles.updatedAt, dayAgo),
        or(isNull(signInThrottles.blockedUntil), lt(signInThrottles.blockedUntil, now)),
      ),
    );
}
