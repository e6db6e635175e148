import "server-only";
import { eq, sql } from "drizzle-orm";
import { auditEvents, sessions, users } from "@/db/schema";
import type { Role } from "@/lib/auth/roles";
import { authSecret } from "@/lib/server/config";
import { newDeviceToken, trustedDeviceKey } from "@/lib/auth/device-trust";
import { hashSecret, needsRehash, verifyAgainstDummy, verifySecret } from "@/lib/crypto/hashing";
import { normalisePassword } from "@/lib/passwords/policy";
import { auditRow, logAudit, recordAudit, type AuditEvent } from "./audit-write";
import { gateKeyFor } from "./challenge-state";
import { getDb } from "./db";
import { queueSignInSlowedNotices } from "./notices";
import { forgetIdleSessions, newSession } from "./sessions";
import {
  dropSoleTry,
  forgetIdleSignInThrottles,
  giveBackSignInTurn,
  takeSignInTurn,
  type ThrottleKey,
} from "./sign-in-throttle";
import { findAccountByLoginId, normaliseLoginId } from "./users";

export type SignedIn = { id: number; role: Role; sessionVersion: number };

export type SignInResult =
  | { status: "signedIn"; user: SignedIn; sessionId: string; deviceToken: string }
  | { status: "failed" }
  /** Too many wrong passwords in a row for this account (or Login ID): try again later. */
  | { status: "slowed"; retryAfterSeconds: number };

export type SignInOptions = {
  clientAddress: string | null;
  /** The device's tokens (lib/auth/device-trust.ts): a device that signed in before has its own count. */
  deviceTokens?: string[];
  now?: Date;
};

/** Same work and the same answer whether the login ID exists or not: an argon2 verify always runs,
 *  and an unknown ID is slowed after the same number of wrong passwords as a real one. */
export async function attemptSignIn(
  loginId: string,
  password: string,
  options: SignInOptions,
): Promise<SignInResult> {
  const now = options.now ?? new Date();
  const { clientAddress } = options;
  const db = await getDb();
  const account = await findAccountByLoginId(db, loginId);
  const device = account ? trustedDeviceKey(authSecret(), options.deviceTokens ?? [], account.id) : null;
  const gate = gateKeyFor(account, normaliseLoginId(loginId));
  const key: ThrottleKey = device ? { key: device, userId: account!.id } : gate;
  const target = { targetUserId: account?.id ?? null, schoolId: account?.schoolId ?? null, clientAddress };

  await forgetIdleSignInThrottles(now);
  const turn = await takeSignInTurn(key, now);
  if (!turn.allowed) {
    await recordAudit(db, {
      action: "sign_in_refused",
      ...target,
      detail: { waitSeconds: turn.retryAfterSeconds },
    });
    return { status: "slowed", retryAfterSeconds: turn.retryAfterSeconds };
  }

  const candidate = normalisePassword(password);
  const ok = account
    ? await verifySecret(account.passwordHash, candidate)
    : await verifyAgainstDummy(candidate);
  if (!account || !ok || account.status !== "active") {
    await db.transaction(async (tx) => {
      await recordAudit(tx, { action: "sign_in_failed", ...target });
      // The account's run of wrong passwords has just become long enough to slow it down: the
      // person, the family and the school hear of it (a device's own run tells nobody).
      if (turn.slowedNow && account && !device && turn.taken.blockedUntil) {
        await recordAudit(tx, { action: "sign_in_slowed", ...target });
        await queueSignInSlowedNotices(tx, {
          userId: account.id,
          client: { address: clientAddress, userAgent: null },
          failures: turn.taken.failures,
          until: turn.taken.blockedUntil,
        });
      }
    });
    return { status: "failed" };
  }
  // The one moment the password is known: a hash with old parameters or an old pepper is
  // replaced, in the same UPDATE, unless a change got there first. Same password: the session
  // version stays.
  const fresh = needsRehash(account.passwordHash) ? await hashSecret(candidate) : null;
  const rehash = fresh && {
    passwordHash: sql`CASE WHEN ${users.passwordHash} = ${account.passwordHash} THEN ${fresh} ELSE ${users.passwordHash} END`,
  };
  const event: AuditEvent = {
    action: "sign_in",
    actorUserId: account.id,
    ...target,
    ...(fresh && { detail: { rehashed: true } }),
  };
  const session = newSession(account.id);
  // Everything a right password changes, in one statement (one round trip, one commit): the run
  // of wrong passwords ends (the usual case: this try was its only one), the last sign-in and
  // any fresher hash, the audit row, the new server-side session.
  const gone = db.$with("gone").as(dropSoleTry(db, key));
  const seen = db.$with("seen").as(
    db
      .update(users)
      .set({ lastSignInAt: now, ...rehash })
      .where(eq(users.id, account.id))
      .returning({ id: users.id }),
  );
  const started = db
    .$with("started")
    .as(db.insert(sessions).values(session.row).returning({ idHash: sessions.idHash }));
  const [written] = await db
    .with(gone, seen, started)
    .insert(auditEvents)
    .values(auditRow(event))
    .returning({ gone: sql<number>`(SELECT count(*)::int FROM ${gone})` });
  logAudit(event);
  // Earlier wrong passwords in the run (or tries since): ended under the row's lock.
  if (!written?.gone) await giveBackSignInTurn(key, turn.at);
  await forgetIdleSessions(now);
  return {
    status: "signedIn",
    user: { id: account.id, role: account.role, sessionVersion: account.sessionVersion },
    sessionId: session.id,
    deviceToken: newDeviceToken(authSecret(), account.id),
  };
}

/** The signed-in person, or null for a wrong password or a slowed account (tests, scripts). */
export async function authenticate(
  loginId: string,
  password: string,
  clientAddress: string | null,
): Promise<SignedIn | null> {
  const result = await attemptSignIn(loginId, password, { clientAddress });
  return result.status === "signedIn" ? result.user : null;
}

export async function recordSignOut(user: { id: number; schoolId: number }, clientAddress: string | null) {
  const db = await getDb();
  await recordAudit(db, {
    action: "sign_out",
    actorUserId: user.id,
    targetUserId: user.id,
    schoolId: user.schoolId,
    clientAddress,
  });
}
