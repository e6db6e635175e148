// Story: without JavaScript, reloading the page that shows a student's temporary password posts the
// administrator's Reset password again. The form carries a one-time token, claimed in the reset's
// own transaction: the same post again resets nothing (no second audit row, no second pair of
// notices) and the temporary password already shown keeps working. Pressing the button again (a
// fresh token) still resets; a post without a token made for it is refused.
import { and, count, eq, lt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, notices, usedFormTokens } from "@/db/schema";
import { resetPasswordFormToken, resetStudentPassword } from "@/lib/data/student-accounts";
import { getDb } from "@/lib/data/db";
import { newFormToken } from "@/lib/data/form-tokens";
import { authenticate } from "@/lib/data/sign-in";
import { ALEX, CLEMENTI_ADMIN, createStudent, signIn, userIdOf, CLIENT, IP } from "./helpers";
import { snapshot } from "./row-snapshot";

async function countsFor(userId: number) {
  const db = await getDb();
  const [resets] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "password_reset_by_admin"), eq(auditEvents.targetUserId, userId)));
  const [told] = await db
    .select({ n: count() })
    .from(notices)
    .where(and(eq(notices.kind, "password_changed"), eq(notices.userId, userId)));
  return { resets: resets!.n, notices: told!.n };
}

describe("the administrator's Reset password, posted again", () => {
  it("resets once for the same form: one audit row, one set of notices, the first password still works", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const alex = await userIdOf(ALEX.loginId);
    const form = { userId: alex, formToken: resetPasswordFormToken(admin, alex) };
    const before = await countsFor(alex);

    const first = await resetStudentPassword(admin, form, CLIENT);
    if (first.status !== "reset") throw new Error(first.status);
    const afterFirst = await countsFor(alex);
    expect(afterFirst.resets).toBe(before.resets + 1);
    expect(afterFirst.notices).toBeGreaterThan(before.notices); // the guardian is told

    // The reload posts the same form: nothing more happens, and the administrator is told so.
    const again = await resetStudentPassword(admin, form, CLIENT);
    expect(again).toEqual({ status: "alreadyDone", fullName: "Alex Tan Wei Ming" });
    expect(await countsFor(alex)).toEqual(afterFirst);
    expect(await authenticate(ALEX.loginId, first.temporaryPassword, IP)).not.toBeNull();

    // Only the token's hash is kept.
    const db = await getDb();
    const kept = await db.select().from(usedFormTokens).where(eq(usedFormTokens.userId, admin.id));
    expect(kept).toHaveLength(1);
    expect(kept[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(kept)).not.toContain(form.formToken);
  });

  it("resets once for two posts of the same form at the same moment", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const pupil = await createStudent("twice_posted", { fullName: "Twice Posted Lee" });
    const form = { userId: pupil, formToken: resetPasswordFormToken(admin, pupil) };
    const results = await Promise.all([
      resetStudentPassword(admin, form, CLIENT),
      resetStudentPassword(admin, form, CLIENT),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["alreadyDone", "reset"]);
    const reset = results.find((r) => r.status === "reset")!;
    expect((await countsFor(pupil)).resets).toBe(1);
    if (reset.status !== "reset") throw new Error("unreachable");
    expect(await authenticate("twice_posted", reset.temporaryPassword, IP)).not.toBeNull();
  });

  it("resets again when the button is pressed again (a fresh token)", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const pupil = await createStudent("pressed_twice", { fullName: "Pressed Twice Ong" });
    const one = await resetStudentPassword(
      admin,
      { userId: pupil, formToken: resetPasswordFormToken(admin, pupil) },
      CLIENT,
    );
    const two = await resetStudentPassword(
      admin,
      { userId: pupil, formToken: resetPasswordFormToken(admin, pupil) },
      CLIENT,
    );
    if (one.status !== "reset" || two.status !== "reset") throw new Error("not reset");
    expect(await authenticate("pressed_twice", one.temporaryPassword, IP)).toBeNull();
    expect(await authenticate("pressed_twice", two.temporaryPassword, IP)).not.toBeNull();
    expect((await countsFor(pupil)).resets).toBe(2);
  });

  it("refuses a post without a token made here, for this administrator and student, in the last 12 hours", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const moe = await signIn({ loginId: "moe_admin", password: "Ministry-Desk-2026" });
    const pupil = await createStudent("no_token", { fullName: "No Token Tan", password: "No-Token-Pass-42" });
    const other = await createStudent("other_pupil", { fullName: "Other Pupil Goh" });
    const good = resetPasswordFormToken(admin, pupil);
    const [issued, nonce, mac] = good.split(".") as [string, string, string];
    const flipped = `${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`;
    const tokens = {
      none: "",
      random: "x".repeat(43),
      "another student's form": resetPasswordFormToken(admin, other),
      "another administrator's form": resetPasswordFormToken(moe, pupil),
      "13 hours old": newFormToken(admin.id, `reset-password:${pupil}`, Date.now() - 13 * 3_600_000),
      "from the future": newFormToken(admin.id, `reset-password:${pupil}`, Date.now() + 3_600_000),
      "signature changed": `${issued}.${nonce}.${flipped}`,
      "age changed": `${(parseInt(issued, 36) + 1).toString(36)}.${nonce}.${mac}`,
      "1 MB": "a".repeat(1024 * 1024),
    };
    const before = await snapshot();
    for (const [what, formToken] of Object.entries(tokens)) {
      expect(await resetStudentPassword(admin, { userId: pupil, formToken }, CLIENT), what).toEqual({
        status: "formExpired",
        fullName: "No Token Tan",
      });
    }
    expect(await snapshot()).toEqual(before);
    expect(await authenticate("no_token", "No-Token-Pass-42", IP)).not.toBeNull();
    // An 11-hour-old page still works.
    const older = newFormToken(admin.id, `reset-password:${pupil}`, Date.now() - 11 * 3_600_000);
    expect((await resetStudentPassword(admin, { userId: pupil, formToken: older }, CLIENT)).status).toBe(
      "reset",
    );
  });

  it("forgets used tokens after a day, when no token can still be posted", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const db = await getDb();
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    await db.insert(usedFormTokens).values({ tokenHash: "0".repeat(64), userId: admin.id, usedAt: dayAgo });
    const pupil = await createStudent("forget_old", { fullName: "Forget Old Ng" });
    await resetStudentPassword(
      admin,
      { userId: pupil, formToken: resetPasswordFormToken(admin, pupil) },
      CLIENT,
    );
    const [old] = await db
      .select({ n: count() })
      .from(usedFormTokens)
      .where(lt(usedFormTokens.usedAt, new Date(Date.now() - 86_400_000)));
    expect(old!.n).toBe(0);
    const [recent] = await db.select({ n: count() }).from(usedFormTokens);
    expect(recent!.n).toBeGreaterThan(0);
  });
});
