// Story: a child who cannot answer gets a one-time reset code from the school, in person, and uses
// it at Forgot Password? for a new password. It works once, for that child only, until the end of
// the school day; the school's unlock or reset ends it; a wrong code counts like wrong answers,
// so codes cannot be guessed faster than answers; and a Login ID with no code, or no account,
// gets the same answer.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, resetCodes, users } from "@/db/schema";
import { getDb } from "@/lib/data/db";
import { redeemResetCode } from "@/lib/data/reset-codes";
import { resetPasswordWithGrant } from "@/lib/data/reset-grants";
import { issueResetCode, resetStudentPassword, unlockAccount } from "@/lib/data/student-accounts";
import { authenticate } from "@/lib/data/sign-in";
import { ForbiddenError } from "@/lib/data/errors";
import { CODE_ALPHABET, endOfSchoolDay, formatResetCode, normaliseResetCode } from "@/lib/reset/reset-code";
import {
  CLEMENTI_ADMIN,
  CLIENT,
  createStudent,
  gateRow,
  JURONG_ADMIN,
  newPassword,
  resetForm,
  signIn,
} from "./helpers";
import { noticesOf } from "./notice-steps";

async function issued(loginId: string, options: { now?: Date } = {}) {
  const admin = await signIn(CLEMENTI_ADMIN);
  const id = await createStudent(loginId, { fullName: "Coded Student Tan" });
  const result = await issueResetCode(admin, id, CLIENT, options.now);
  if (result.status !== "issued") throw new Error(`no code: ${result.status}`);
  return { admin, id, code: result.code, expiresAt: result.expiresAt };
}

describe("one-time reset codes", () => {
  it("gives a code of 8 unambiguous characters that works once, for a new password", async () => {
    const { id, code } = await issued("code_once");
    await (
      await getDb()
    )
      .update(users)
      .set({ guardianEmail: "tan.family@parents.example" })
      .where(eq(users.id, id));
    expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
    // Typed as a child types it: small letters, a dash, spaces.
    const typed = ` ${formatResetCode(code).toLowerCase()} `;
    const result = await redeemResetCode("CODE_ONCE", typed, CLIENT);
    if (result.status !== "correct") throw new Error(`expected a grant, got ${result.status}`);
    expect(
      (await resetPasswordWithGrant(result.grantToken, newPassword("Mango-Pudding-Sky-4"), CLIENT)).status,
    ).toBe("reset");
    expect(await authenticate("code_once", "Mango-Pudding-Sky-4", CLIENT.address)).not.toBeNull();
    // The notice and the audit log say how: a code from the school, not the security questions.
    const changed = (await noticesOf(id)).filter((notice) => notice.kind === "password_changed");
    expect(changed.map((notice) => notice.toAddress)).toEqual(["tan.family@parents.example"]);
    for (const notice of changed) {
      expect(notice.body).toContain("using a one-time reset code from the school");
      expect(notice.body).not.toContain("security questions were answered");
    }
    const [resetRow] = await (
      await getDb()
    )
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetUserId, id), eq(auditEvents.action, "password_reset")));
    expect(resetRow?.detail).toEqual({ via: "reset_code" });
    // A second use: wrong, and counted.
    expect(await redeemResetCode("code_once", code, CLIENT)).toEqual({ status: "wrong" });
    const actions = (
      await (
        await getDb()
      )
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.targetUserId, id))
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["reset_code_issued", "reset_code_used", "reset_code_failed"]),
    );
  });

  it("keeps only a hash, and one live code per student: a new code ends the old", async () => {
    const { admin, id, code } = await issued("code_replaced");
    const [row] = await (await getDb()).select().from(resetCodes).where(eq(resetCodes.userId, id));
    expect(row!.codeHash).not.toContain(code);
    expect(row!.codeHash).toMatch(/^\$argon2id\$/);
    const again = await issueResetCode(admin, id, CLIENT);
    if (again.status !== "issued") throw new Error("no second code");
    expect(await redeemResetCode("code_replaced", code, CLIENT)).toEqual({ status: "wrong" });
    expect((await redeemResetCode("code_replaced", again.code, CLIENT)).status).toBe("correct");
  });

  it("ends with the school day", async () => {
    const morning = new Date("2026-11-30T01:00:00Z"); // 9 am in Singapore
    expect(endOfSchoolDay(morning, "Asia/Singapore").toISOString()).toBe("2026-11-30T16:00:00.000Z");
    const { code, expiresAt } = await issued("code_day", { now: morning });
    expect(expiresAt.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    const nextMorning = new Date("2026-12-01T00:30:00Z");
    expect(await redeemResetCode("code_day", code, CLIENT, nextMorning)).toEqual({ status: "wrong" });
  });

  it("works for no other student, and a Login ID without a code gets the same answer", async () => {
    const { code } = await issued("code_owner");
    await createStudent("code_neighbour");
    expect(await redeemResetCode("code_neighbour", code, CLIENT)).toEqual({ status: "wrong" });
    expect(await redeemResetCode("code_nobody_has_this_id", code, CLIENT)).toEqual({ status: "wrong" });
    expect(await redeemResetCode("code_owner", "not a code at all", CLIENT)).toEqual({ status: "wrong" });
    expect((await redeemResetCode("code_owner", code, CLIENT)).status).toBe("correct");
  });

  it("stops working when the school unlocks or resets the account", async () => {
    const unlocked = await issued("code_unlocked");
    await unlockAccount(unlocked.admin, unlocked.id, CLIENT);
    expect(await redeemResetCode("code_unlocked", unlocked.code, CLIENT)).toEqual({ status: "wrong" });

    const reset = await issued("code_reset");
    const done = await resetStudentPassword(reset.admin, resetForm(reset.admin, reset.id), CLIENT);
    expect(done.status).toBe("reset");
    expect(await redeemResetCode("code_reset", reset.code, CLIENT)).toEqual({ status: "wrong" });
  });

  it("cannot be guessed faster than the answers: three wrong codes lock, then even the right one is refused", async () => {
    const { id, code } = await issued("code_guess");
    const wrong = ["ACDEFGHJ", "KMNPQRTU", "VWXY3467"].filter((guess) => guess !== code);
    for (const [i, guess] of wrong.slice(0, 3).entries()) {
      const result = await redeemResetCode("code_guess", guess, CLIENT);
      expect(result).toEqual(i < 2 ? { status: "wrong" } : { status: "locked" });
    }
    expect((await gateRow(id))?.lockedUntil).not.toBeNull();
    expect(await redeemResetCode("code_guess", code, CLIENT)).toEqual({ status: "locked" });
    // The school cannot give a code the lock would refuse: it unlocks first.
    const admin = await signIn(CLEMENTI_ADMIN);
    expect((await issueResetCode(admin, id, CLIENT)).status).toBe("locked");
  });

  it("is given only by the student's own school", async () => {
    const id = await createStudent("code_other_school");
    const stranger = await signIn(JURONG_ADMIN);
    await expect(issueResetCode(stranger, id, CLIENT)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(issueResetCode(stranger, 2_147_483_647, CLIENT)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("reads what a child types, and refuses what cannot be a code", () => {
    expect(normaliseResetCode("acde-fghj")).toBe("ACDEFGHJ");
    expect(normaliseResetCode("ACDE FGHJ")).toBe("ACDEFGHJ");
    expect(normaliseResetCode("ACDEFGH0")).toBeNull();
    expect(normaliseResetCode("ACDEFGHJK")).toBeNull();
  });
});
