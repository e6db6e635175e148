// What the database and the sign-in page say about each journey of the restart story, once
// PostgreSQL is back: a reset happened entirely or not at all, and no page claimed one that did not.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { resetGrants, users } from "@/db/schema";
import { auditCount, historyCount } from "./db";
import { logIn, signedIn, says, t } from "./flows";
import { LOG_DIR } from "./instances";
import { DONE, type Journey } from "./restart-load";
import { OLD_PASSWORD } from "./restart-students";

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/** What a reset leaves behind: hash, session version, history, audit, grants. */
async function traceOf(db: Db, userId: number) {
  const [user] = await db
    .select({ hash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, userId));
  const grants = await db
    .select({ tokenHash: resetGrants.tokenHash, usedAt: resetGrants.usedAt })
    .from(resetGrants)
    .where(eq(resetGrants.userId, userId));
  return {
    hash: user!.hash,
    sessionVersion: user!.sessionVersion,
    history: await historyCount(db, userId),
    resets: await auditCount(db, "password_reset", userId),
    grants,
  };
}

/** A definite answer or an exception: after the restart, "not correct" must mean not correct. */
async function signsIn(base: string, loginId: string, password: string): Promise<boolean> {
  const page = await logIn(base, loginId, password);
  if (signedIn(page)) return true;
  if (page.status === 200 && says(page, t.login.failed)) return false;
  throw new Error(`sign-in of ${loginId} on ${base} answered ${page.status} ${page.location ?? ""}`);
}

export type Verdict = { happened: boolean; violations: string[] };

/** Every part of the reset is there, or none is; the password that signs in says which. */
export async function verdictOf(db: Db, journey: Journey, oldHash: string, base: string): Promise<Verdict> {
  const { student, grant, attempt } = journey;
  const who = student.loginId;
  const trace = await traceOf(db, student.id);
  const happened = trace.hash !== oldHash;
  const want = happened ? 1 : 0;
  const violations: string[] = [];
  const fault = (what: string) =>
    violations.push(`${who} (${happened ? "password changed" : "password unchanged"}): ${what}`);
  if (trace.history !== want) fault(`${trace.history} password_history rows`);
  if (trace.resets !== want) fault(`${trace.resets} 'password_reset' audit rows`);
  if (trace.sessionVersion !== 1 + want) fault(`session_version ${trace.sessionVersion}`);
  const own = grant === null ? undefined : trace.grants.find((g) => g.tokenHash === sha256(grant));
  if (grant !== null && !own) fault("a grant cookie was handed out that the database does not hold");
  if (!attempt) {
    if (happened) fault("no new password was ever posted");
    if (trace.grants.some((g) => g.usedAt !== null)) fault("a grant is used, yet nothing was posted");
    return { happened, violations };
  }
  if (own && (own.usedAt !== null) !== happened) fault(`grant used_at ${own.usedAt ? "set" : "null"}`);
  if (attempt.kind === DONE && !happened) fault("the done page was shown for a reset that did not happen");
  if (journey.signedInNew && !happened) fault("signed in with a new password the database does not have");
  const fresh = await signsIn(base, who, attempt.newPassword);
  const old = await signsIn(base, who, OLD_PASSWORD);
  if (fresh !== happened || old === happened) fault(`the new password signs in: ${fresh}, the old: ${old}`);
  return { happened, violations };
}

/** All verdicts, a few journeys at a time, alternating the instances. */
export async function verdicts(db: Db, journeys: Journey[], oldHash: string, bases: string[]) {
  const results: Verdict[] = [];
  for (let i = 0; i < journeys.length; i += 4) {
    const batch = journeys.slice(i, i + 4);
    results.push(
      ...(await Promise.all(batch.map((j, k) => verdictOf(db, j, oldHash, bases[(i + k) % bases.length]!)))),
    );
  }
  return results;
}

const logOf = (base: string) => join(LOG_DIR, `instance-${new URL(base).port}.log`);

/** Where each instance's log ends now. */
export const logMarks = (bases: string[]) => bases.map((base) => statSync(logOf(base)).size);

/** How many lines the instances logged since `marks` that contain `words`. */
export function loggedSince(bases: string[], marks: number[], words: string): number {
  const lines = bases.flatMap((base, i) =>
    readFileSync(logOf(base)).subarray(marks[i]).toString().split("\n"),
  );
  return lines.filter((line) => line.includes(words)).length;
}
