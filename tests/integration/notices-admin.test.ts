// Story: a school's administrator sees the notices about their own students (never their bodies
// or addresses), and the ones that could not be delivered; nobody else sees any.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notices, users } from "@/db/schema";
import { getDb } from "@/lib/data/db";
import { ForbiddenError } from "@/lib/data/errors";
import { listFailedNotices, listNoticesForStudent } from "@/lib/data/notice-lists";
import { queuePasswordChangedNotices } from "@/lib/data/notices";
import { CLEMENTI_ADMIN, JURONG_ADMIN, LIM, SITI, signIn, userIdOf, CLIENT } from "./helpers";

async function noticeAbout(loginId: string) {
  const userId = await userIdOf(loginId);
  const db = await getDb();
  await db.transaction((tx) => queuePasswordChangedNotices(tx, { userId, how: "signed_in", client: CLIENT }));
  return userId;
}

describe("who sees the e-mail notices", () => {
  it("shows Clementi's administrator what was sent about siti, without bodies or addresses", async () => {
    const siti = await noticeAbout(SITI.loginId);
    const admin = await signIn(CLEMENTI_ADMIN);
    const listed = await listNoticesForStudent(admin, siti);
    expect(listed.map((n) => [n.kind, n.recipientRole, n.status, n.attempts]).sort()).toEqual([
      ["password_changed", "guardian", "pending", 0],
      ["password_changed", "student", "pending", 0],
    ]);
    for (const notice of listed) {
      expect(Object.keys(notice).sort()).toEqual(
        ["attempts", "createdAt", "id", "kind", "recipientRole", "sentAt", "status"].sort(),
      );
    }
    expect(JSON.stringify(listed)).not.toMatch(/@|Hello|password of/);
  });

  it("refuses another school's administrator, a student, and ids that are nobody's", async () => {
    const siti = await noticeAbout(SITI.loginId);
    const jurong = await signIn(JURONG_ADMIN);
    await expect(listNoticesForStudent(jurong, siti)).rejects.toBeInstanceOf(ForbiddenError);
    const student = await signIn(SITI);
    await expect(listNoticesForStudent(student, siti)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listFailedNotices(student)).rejects.toBeInstanceOf(ForbiddenError);
    const clementi = await signIn(CLEMENTI_ADMIN);
    for (const id of [0, -1, 1.5, 2 ** 31, Number.NaN, clementi.id]) {
      await expect(listNoticesForStudent(clementi, id)).rejects.toBeInstanceOf(ForbiddenError);
    }
    // A session that ended (the password changed since) is nobody.
    const ended = { id: clementi.id, sessionVersion: clementi.sessionVersion + 1 };
    await expect(listNoticesForStudent(ended, siti)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("lists the undelivered notices of the administrator's own school only", async () => {
    const db = await getDb();
    // Lim's family gives an address, so the change has notices to fail.
    await db
      .update(users)
      .set({ guardianEmail: "lim.family@parents.example" })
      .where(eq(users.loginId, LIM.loginId));
    const siti = await noticeAbout(SITI.loginId);
    const lim = await noticeAbout(LIM.loginId);
    await db.update(notices).set({ status: "failed", attempts: 12 }).where(eq(notices.userId, siti));
    await db.update(notices).set({ status: "failed", attempts: 12 }).where(eq(notices.userId, lim));

    const clementi = await listFailedNotices(await signIn(CLEMENTI_ADMIN));
    expect(clementi.length).toBeGreaterThan(0);
    expect(new Set(clementi.map((n) => n.studentName))).toEqual(new Set(["Siti Nur Rahman"]));
    expect(JSON.stringify(clementi)).not.toMatch(/@|Hello/);
    const jurong = await listFailedNotices(await signIn(JURONG_ADMIN));
    expect(new Set(jurong.map((n) => n.studentName))).toEqual(new Set(["Lim Wei Jie"]));
  });
});
