// Story: someone has an administrator's password and guesses the 6-digit code, signing in again
// each time a session ends. The wrong codes are counted for the administrator, across sessions:
// after 10 in a row the code step locks for 15 minutes (the 11th code is refused, right or
// wrong), the administrator and the ministry are told, and the audit log says so. A recovery
// code still lets the real administrator in.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, notices, users } from "@/db/schema";
import { totpCodeAt } from "@/lib/auth/totp";
import { getDb } from "@/lib/data/db";
import {
  SECOND_FACTOR_LOCK_MINUTES,
  confirmEnrolment,
  pendingEnrolment,
  redeemRecoveryCode,
  verifyTotpCode,
} from "@/lib/data/second-factor";
import { startSession } from "@/lib/data/sessions";
import { IP, JURONG_ADMIN, signIn } from "./helpers";

const T0 = Date.now();
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const ADMIN_EMAIL = "jurongwest.it@schools.example";

let secret = "";
let recovery: string[] = [];

async function newSession() {
  const user = await signIn(JURONG_ADMIN);
  return { user, sessionId: await startSession(user.id) };
}

beforeAll(async () => {
  const session = await newSession();
  const db = await getDb();
  await db.update(users).set({ email: ADMIN_EMAIL }).where(eq(users.id, session.user.id));
  secret = (await pendingEnrolment(session.user))!.secret;
  const done = await confirmEnrolment({
    actor: session.user,
    sessionId: session.sessionId,
    code: totpCodeAt(secret, at(0)),
    clientAddress: IP,
    now: at(0),
  });
  recovery = done.status === "passed" ? done.recoveryCodes! : [];
});

describe("wrong second-factor codes across sessions", () => {
  it("lock the code step at the tenth in a row: the eleventh is refused even when right", async () => {
    const right = (when: Date) => totpCodeAt(secret, when);
    const wrongAt = (when: Date) => (right(when) === "123456" ? "654321" : "123456");
    const results: string[] = [];
    for (let signIns = 0; signIns < 3; signIns++) {
      const session = await newSession();
      for (let i = 0; i < 5; i++) {
        const now = at(1);
        const result = await verifyTotpCode({
          actor: session.user,
          sessionId: session.sessionId,
          code: wrongAt(now),
          clientAddress: IP,
          now,
        });
        results.push(result.status);
        if (result.status === "signedOut" || result.status === "locked") break;
      }
    }
    // Two sessions of five wrong codes (each ended at its fifth), then the eleventh: refused.
    expect(results.slice(0, 10)).toEqual([
      ...Array<string>(4).fill("wrong"),
      "signedOut",
      ...Array<string>(4).fill("wrong"),
      "signedOut",
    ]);
    expect(results[10]).toBe("locked");
    const session = await newSession();
    const refused = await verifyTotpCode({
      actor: session.user,
      sessionId: session.sessionId,
      code: right(at(2)),
      clientAddress: IP,
      now: at(2),
    });
    expect(refused).toEqual({ status: "locked", minutesLeft: SECOND_FACTOR_LOCK_MINUTES - 1 });

    const db = await getDb();
    const audited = await db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "second_factor_locked"), eq(auditEvents.targetUserId, session.user.id)),
      );
    expect(audited).toHaveLength(1);
    const told = await db
      .select({ role: notices.recipientRole, to: notices.toAddress, body: notices.body })
      .from(notices)
      .where(and(eq(notices.userId, session.user.id), eq(notices.kind, "second_factor_locked")));
    expect(told.map((n) => [n.role, n.to]).sort()).toEqual([
      ["administrator", ADMIN_EMAIL],
      // The ministry: the contact address of the ministry administrator's school (demo: moe_admin's).
      ["ministry", "mims-admin@clementi-ps.example"],
    ]);
    for (const notice of told) expect(notice.body).not.toContain(secret);

    // The real administrator, with a recovery code, gets in while the code step is locked.
    const passed = await redeemRecoveryCode({
      actor: session.user,
      sessionId: session.sessionId,
      code: recovery[0]!,
      clientAddress: IP,
      now: at(3),
    });
    expect(passed.status).toBe("passed");
  });

  it("open the code step again after 15 minutes", async () => {
    const session = await newSession();
    const later = at(SECOND_FACTOR_LOCK_MINUTES + 2);
    const result = await verifyTotpCode({
      actor: session.user,
      sessionId: session.sessionId,
      code: totpCodeAt(secret, later),
      clientAddress: IP,
      now: later,
    });
    expect(result.status).toBe("passed");
  });
});
