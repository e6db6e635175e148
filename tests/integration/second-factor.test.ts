// Story: an administrator's password opens only an untrusted session. The first sign-in enrols an
// authenticator app and hands out 10 recovery codes once; later sign-ins need a fresh code or an
// unused recovery code. Codes are never taken twice, five wrong ones end the session, and a
// student can reach none of it.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, recoveryCodes, users } from "@/db/schema";
import { totpCodeAt } from "@/lib/auth/totp";
import { getDb } from "@/lib/data/db";
import { ForbiddenError } from "@/lib/data/errors";
import {
  confirmEnrolment,
  isEnrolled,
  pendingEnrolment,
  redeemRecoveryCode,
  verifyTotpCode,
  type CodeResult,
} from "@/lib/data/second-factor";
import { resumeSession, startSession } from "@/lib/data/sessions";
import type { SessionUser } from "@/lib/data/users";
import { CLEMENTI_ADMIN, IP, LIM, signIn } from "./helpers";

const T0 = Date.now();
/** The time of the k-th 30-second step from now: each test uses steps of its own. */
const step = (k: number) => new Date(T0 + k * 30_000);

async function newSession(person: { loginId: string; password: string }) {
  const user = await signIn(person);
  return { user, sessionId: await startSession(user.id) };
}

type Session = { user: SessionUser; sessionId: string };

async function trusted(session: Session): Promise<boolean | null> {
  const live = await resumeSession(session.sessionId, session.user);
  return live && live.secondFactorAt !== null;
}

/** A passed second factor gives the session a new id: the session goes on under it. */
function followRenewal(session: Session, result: CodeResult): CodeResult {
  if (result.status === "passed") session.sessionId = result.sessionId;
  return result;
}

async function auditCount(userId: number, action: string): Promise<number> {
  const db = await getDb();
  const rows = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, userId), eq(auditEvents.action, action)));
  return rows.length;
}

const attempt = (session: Session, code: string, now?: Date) => ({
  actor: session.user,
  sessionId: session.sessionId,
  code,
  clientAddress: IP,
  now,
});

let secret = "";
let recovery: string[] = [];

describe("the administrator's second factor", () => {
  it("enrols at the first sign-in: the session is trusted only after the app's first code", async () => {
    const session = await newSession(CLEMENTI_ADMIN);
    expect(await trusted(session)).toBe(false);
    expect(await isEnrolled(session.user)).toBe(false);

    const enrolment = await pendingEnrolment(session.user);
    secret = enrolment!.secret;
    expect(enrolment!.uri).toContain(`secret=${secret}`);
    // Reloading the page shows the same key: the entry made in the app keeps working.
    expect((await pendingEnrolment(session.user))!.secret).toBe(secret);
    // Stored sealed, never as the key itself.
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.id, session.user.id));
    expect(row!.totpSecret).not.toContain(secret);
    expect(row!.totpEnabledAt).toBeNull();

    const notTheCode = totpCodeAt(secret, step(0)) === "000000" ? "111111" : "000000";
    const wrong = await confirmEnrolment(attempt(session, notTheCode, step(0)));
    expect(wrong).toEqual({ status: "wrong", triesLeft: 4 });
    expect(await trusted(session)).toBe(false);
    expect(await isEnrolled(session.user)).toBe(false);

    const before = session.sessionId;
    const done = followRenewal(
      session,
      await confirmEnrolment(attempt(session, totpCodeAt(secret, step(0)), step(0))),
    );
    expect(done.status).toBe("passed");
    // Passed under a new session id: the one from before the second factor has ended.
    expect(session.sessionId).not.toBe(before);
    expect(await resumeSession(before, session.user)).toBeNull();
    recovery = done.status === "passed" ? done.recoveryCodes! : [];
    expect(recovery).toHaveLength(10);
    expect(await trusted(session)).toBe(true);
    expect(await isEnrolled(session.user)).toBe(true);
    // The key is never shown again, and the codes are kept only as hashes.
    expect(await pendingEnrolment(session.user)).toBeNull();
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, session.user.id));
    expect(stored).toHaveLength(10);
    for (const code of recovery) expect(JSON.stringify(stored)).not.toContain(code.replace("-", ""));
    expect(await auditCount(session.user.id, "second_factor_enrolled")).toBe(1);
  });

  it("asks a later sign-in for a code, and never takes the same code twice", async () => {
    const first = await newSession(CLEMENTI_ADMIN);
    expect(await trusted(first)).toBe(false);
    const code = totpCodeAt(secret, step(2));
    expect(followRenewal(first, await verifyTotpCode(attempt(first, code, step(2)))).status).toBe("passed");
    expect(await trusted(first)).toBe(true);
    // A second click of the button changes nothing, and does not end the session.
    expect(await verifyTotpCode(attempt(first, code, step(2)))).toEqual({ status: "notPending" });
    expect(await trusted(first)).toBe(true);

    // Someone who saw that code, with the password, in the same half minute: refused.
    const copycat = await newSession(CLEMENTI_ADMIN);
    expect(await verifyTotpCode(attempt(copycat, code, step(2)))).toEqual({ status: "reused", triesLeft: 4 });
    // An older code still inside the window is refused too: steps only move forward.
    const older = totpCodeAt(secret, step(1));
    expect((await verifyTotpCode(attempt(copycat, older, step(2)))).status).toBe("reused");
    expect(await trusted(copycat)).toBe(false);
    // The next step's code works (one step of clock drift either way is allowed).
    expect(
      followRenewal(copycat, await verifyTotpCode(attempt(copycat, totpCodeAt(secret, step(3)), step(2))))
        .status,
    ).toBe("passed");
    expect(await auditCount(first.user.id, "second_factor_passed")).toBe(2);
  });

  it("takes one code once when two sessions send it at the same moment", async () => {
    const a = await newSession(CLEMENTI_ADMIN);
    const b = await newSession(CLEMENTI_ADMIN);
    const code = totpCodeAt(secret, step(5));
    const results = await Promise.all(
      [a, b].map(async (s) => followRenewal(s, await verifyTotpCode(attempt(s, code, step(5))))),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["passed", "reused"]);
    expect([await trusted(a), await trusted(b)].filter(Boolean)).toHaveLength(1);
  });

  it("refuses a code of two steps ago", async () => {
    const session = await newSession(CLEMENTI_ADMIN);
    expect((await verifyTotpCode(attempt(session, totpCodeAt(secret, step(8)), step(10)))).status).toBe(
      "wrong",
    );
    expect(await trusted(session)).toBe(false);
  });

  it("lets a recovery code in once, as typed, and never again", async () => {
    const session = await newSession(CLEMENTI_ADMIN);
    const code = recovery[0]!;
    expect(
      followRenewal(session, await redeemRecoveryCode(attempt(session, ` ${code.toUpperCase()} `))).status,
    ).toBe("passed");
    expect(await trusted(session)).toBe(true);
    expect(await auditCount(session.user.id, "recovery_code_used")).toBe(1);

    const again = await newSession(CLEMENTI_ADMIN);
    expect(await redeemRecoveryCode(attempt(again, code))).toEqual({ status: "wrong", triesLeft: 4 });
    expect(await trusted(again)).toBe(false);
    // Another of the codes still works.
    expect((await redeemRecoveryCode(attempt(again, recovery[1]!))).status).toBe("passed");
  });

  it("does not re-enrol an enrolled administrator", async () => {
    const session = await newSession(CLEMENTI_ADMIN);
    expect(await pendingEnrolment(session.user)).toBeNull();
    const result = await confirmEnrolment(attempt(session, totpCodeAt(secret, step(12)), step(12)));
    expect(result).toEqual({ status: "notPending" });
    expect(await trusted(session)).toBe(false);
  });
});

describe("wrong codes", () => {
  it("end the session at the fifth, audited; then even the right code opens nothing", async () => {
    const session = await newSession(CLEMENTI_ADMIN);
    const right = totpCodeAt(secret, step(20));
    const wrong = right === "123456" ? "654321" : "123456";
    for (const left of [4, 3, 2, 1]) {
      expect(await verifyTotpCode(attempt(session, wrong, step(20)))).toEqual({
        status: "wrong",
        triesLeft: left,
      });
    }
    expect(await redeemRecoveryCode(attempt(session, "aaaaa-bbbbb"))).toEqual({ status: "signedOut" });
    expect(await resumeSession(session.sessionId, session.user)).toBeNull();
    expect(await verifyTotpCode(attempt(session, right, step(20)))).toEqual({ status: "signedOut" });
    const db = await getDb();
    const signOuts = await db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, session.user.id), eq(auditEvents.action, "sign_out")));
    expect(signOuts.map((row) => row.detail)).toContainEqual({ reason: "second_factor_failed" });
    expect(await auditCount(session.user.id, "second_factor_failed")).toBeGreaterThanOrEqual(5);
  });

  it("sent all at once still get no more than five checks", async () => {
    const session = await newSession(CLEMENTI_ADMIN);
    const right = totpCodeAt(secret, step(24));
    const guesses = Array.from({ length: 13 }, (_, i) => String(100000 + i)).filter((g) => g !== right);
    const results = await Promise.all(
      guesses.map((code) => verifyTotpCode(attempt(session, code, step(24)))),
    );
    expect(results.filter((r) => r.status === "wrong").length).toBeLessThanOrEqual(4);
    expect(results.filter((r) => r.status === "signedOut").length).toBeGreaterThanOrEqual(guesses.length - 4);
    expect(await resumeSession(session.sessionId, session.user)).toBeNull();
  });

  it("count per session, and a session of another person cannot be used", async () => {
    const mine = await newSession(CLEMENTI_ADMIN);
    const someoneElse = { user: mine.user, sessionId: (await newSession(LIM)).sessionId };
    expect(await verifyTotpCode(attempt(someoneElse, "123456"))).toEqual({ status: "signedOut" });
    expect(await trusted(mine)).toBe(false);
  });
});

describe("a student", () => {
  it("can neither enrol nor pass a second factor", async () => {
    const student = await newSession(LIM);
    await expect(pendingEnrolment(student.user)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(confirmEnrolment(attempt(student, "123456"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(verifyTotpCode(attempt(student, "123456"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(redeemRecoveryCode(attempt(student, "aaaaa-bbbbb"))).rejects.toBeInstanceOf(ForbiddenError);
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.id, student.user.id));
    expect(row!.totpSecret).toBeNull();
  });
});
