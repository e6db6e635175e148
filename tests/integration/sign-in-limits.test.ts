// Story: someone guesses a student's password from 150 different addresses at once. Whatever the
// addresses, no more than 10 wrong passwords in a row are judged before each try must wait, never
// more than 100 in an hour; the right password waits too, then works. A Login ID nobody has is
// slowed in exactly the same way. The family and the school are told once. The student is never
// shut out: Forgot Password? still works (and clears the count), and a device that signed in to
// the account before keeps its own count.
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, notices, signInThrottles } from "@/db/schema";
import { getDb } from "@/lib/data/db";
import { resetPasswordWithGrant } from "@/lib/data/reset-grants";
import { attemptSignIn, type SignInResult } from "@/lib/data/sign-in";
import { FREE_FAILURES, HOURLY_CAP } from "@/lib/limits/sign-in-throttle";
import { earnGrant, newPassword } from "./helpers";
import { createFamily } from "./notice-steps";

const addresses = (n: number) =>
  Array.from({ length: n }, (_, i) => `198.51.${100 + Math.floor(i / 250)}.${i % 250}`);

async function auditOf(action: string, userId: number | null) {
  const db = await getDb();
  const rows = await db
    .select({ id: auditEvents.id, targetUserId: auditEvents.targetUserId })
    .from(auditEvents)
    .where(eq(auditEvents.action, action));
  return rows.filter((row) => row.targetUserId === userId).length;
}

const statuses = (results: SignInResult[]) =>
  results.reduce<Record<string, number>>((all, r) => ({ ...all, [r.status]: (all[r.status] ?? 0) + 1 }), {});

describe("per-account sign-in limits", () => {
  it("judge at most 10 of 150 wrong passwords sent at once from 150 addresses; the right one then waits, and works later", async () => {
    const family = await createFamily();
    const now = new Date();
    const results = await Promise.all(
      addresses(150).map((clientAddress, i) =>
        attemptSignIn(family.loginId, `Wrong-Guess-Number-${i}`, { clientAddress, now }),
      ),
    );
    const judged = await auditOf("sign_in_failed", family.userId);
    expect(judged).toBeLessThanOrEqual(HOURLY_CAP);
    expect(judged).toBe(FREE_FAILURES);
    expect(statuses(results)).toEqual({ failed: FREE_FAILURES, slowed: 150 - FREE_FAILURES });
    expect(await auditOf("sign_in_refused", family.userId)).toBe(150 - FREE_FAILURES);

    // The right password from yet another address: not judged while the account waits.
    const early = await attemptSignIn(family.loginId, family.password, { clientAddress: "192.0.2.200", now });
    expect(early.status).toBe("slowed");
    const wait = early.status === "slowed" ? early.retryAfterSeconds : 0;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(30);
    const later = new Date(now.getTime() + wait * 1000 + 1000);
    const signedIn = await attemptSignIn(family.loginId, family.password, {
      clientAddress: "192.0.2.200",
      now: later,
    });
    expect(signedIn.status).toBe("signedIn");

    // Told once: the student, the guardian and the school, with no password in any of them.
    const db = await getDb();
    const told = await db
      .select({ role: notices.recipientRole, to: notices.toAddress, body: notices.body })
      .from(notices)
      .where(and(eq(notices.userId, family.userId), eq(notices.kind, "sign_in_slowed")));
    expect(told.map((n) => n.role).sort()).toEqual(["guardian", "school", "student"]);
    expect(told.find((n) => n.role === "guardian")?.to).toBe(family.guardian);
    for (const notice of told) {
      expect(notice.body).toContain("10 times in a row");
      expect(notice.body).not.toContain("Wrong-Guess");
      expect(notice.body).not.toContain(family.password);
    }
    expect(await auditOf("sign_in_slowed", family.userId)).toBe(1);
  });

  it("slows a Login ID nobody has after exactly as many wrong passwords, with the same answers", async () => {
    const family = await createFamily();
    const now = new Date();
    const run = (loginId: string) =>
      (async () => {
        const seen: string[] = [];
        for (let i = 0; i < FREE_FAILURES + 3; i++) {
          const result = await attemptSignIn(loginId, `Wrong-Guess-Number-${i}`, {
            clientAddress: `203.0.113.${i}`,
            now,
          });
          seen.push(result.status === "slowed" ? `slowed ${result.retryAfterSeconds}` : result.status);
        }
        return seen;
      })();
    const [real, unknown] = await Promise.all([run(family.loginId), run("nobody_has_this_id")]);
    expect(unknown).toEqual(real);
    expect(real.slice(FREE_FAILURES)).toEqual(["slowed 30", "slowed 30", "slowed 30"]);
  });

  it("never stops Forgot Password?, and a reset lets the student sign in at once", async () => {
    const answers = { 2: "purple", 3: "badminton", 4: "chicken rice" };
    const family = await createFamily({ answers });
    const now = new Date();
    for (let i = 0; i < FREE_FAILURES + 5; i++) {
      await attemptSignIn(family.loginId, `Wrong-Guess-Number-${i}`, { clientAddress: "203.0.113.77", now });
    }
    expect((await attemptSignIn(family.loginId, family.password, { clientAddress: null, now })).status).toBe(
      "slowed",
    );
    const grant = await earnGrant(family.loginId, answers);
    expect(await resetPasswordWithGrant(grant, newPassword("Teal-Harbour-Kite-81"), null)).toMatchObject({
      status: "reset",
    });
    const db = await getDb();
    expect(await db.select().from(signInThrottles).where(eq(signInThrottles.userId, family.userId))).toEqual(
      [],
    );
    expect(
      (await attemptSignIn(family.loginId, "Teal-Harbour-Kite-81", { clientAddress: null })).status,
    ).toBe("signedIn");
  });

  it("lets a device that signed in before keep signing in while the account is slowed elsewhere", async () => {
    const family = await createFamily();
    const first = await attemptSignIn(family.loginId, family.password, { clientAddress: "192.0.2.10" });
    expect(first.status).toBe("signedIn");
    const deviceTokens = first.status === "signedIn" ? [first.deviceToken] : [];
    const now = new Date();
    await Promise.all(
      addresses(40).map((clientAddress, i) =>
        attemptSignIn(family.loginId, `Wrong-Guess-Number-${i}`, { clientAddress, now }),
      ),
    );
    expect(
      (await attemptSignIn(family.loginId, family.password, { clientAddress: "192.0.2.10", now })).status,
    ).toBe("slowed");
    // The student's own laptop: its tries count against itself, not the account.
    const own = await attemptSignIn(family.loginId, family.password, {
      clientAddress: "192.0.2.10",
      deviceTokens,
      now,
    });
    expect(own.status).toBe("signedIn");
    // A token for another account, or a made-up one, is no way round the limit.
    const stranger = await createFamily();
    const strangers = await attemptSignIn(stranger.loginId, stranger.password, { clientAddress: null });
    const foreign = strangers.status === "signedIn" ? [strangers.deviceToken] : [];
    for (const tokens of [foreign, [`${family.userId}.AAAAAAAAAAAAAAAAAAAAAA.${"A".repeat(43)}`]]) {
      expect(
        (
          await attemptSignIn(family.loginId, family.password, {
            clientAddress: null,
            deviceTokens: tokens,
            now,
          })
        ).status,
      ).toBe("slowed");
    }
    // The device's own run is limited like any other.
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        attemptSignIn(family.loginId, `Device-Guess-${i}`, { clientAddress: null, deviceTokens, now }),
      ),
    );
    expect(statuses(guesses)).toEqual({ failed: FREE_FAILURES, slowed: 30 - FREE_FAILURES });
    const db = await getDb();
    const keys = await db
      .select({ key: signInThrottles.key })
      .from(signInThrottles)
      .where(inArray(signInThrottles.userId, [family.userId]));
    // Stored by hash: the token itself is nowhere in the database.
    expect(keys.map((k) => k.key).some((key) => key.includes(deviceTokens[0]!))).toBe(false);
  });
});
