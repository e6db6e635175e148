// Story: correct answers earn one reset grant, good for one reset within its lifetime.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { passwordHistory, resetGrants, users } from "@/db/schema";
import { getDb } from "@/lib/data/db";
import { cancelResetGrant, grantHolder, resetPasswordWithGrant } from "@/lib/data/reset-grants";
import { authenticate } from "@/lib/data/sign-in";
import { SITI, createStudent, earnGrant, newPassword, userIdOf, type Answers, CLIENT, IP } from "./helpers";

const ANSWERS: Answers = { 1: "tortoise", 3: "skipping rope", 5: "ultraman" };

/** A student of this story alone, so no story depends on another's password. */
async function student(loginId: string): Promise<{ id: number; grant: string }> {
  const id = await createStudent(loginId, {
    fullName: "Goh Kai Xuan",
    password: "Starting-Point-11",
    answers: ANSWERS,
  });
  return { id, grant: await earnGrant(loginId, ANSWERS) };
}

async function accountRow(id: number) {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, id));
  const history = await db.select().from(passwordHistory).where(eq(passwordHistory.userId, id));
  return { hash: user!.passwordHash, sessionVersion: user!.sessionVersion, history: history.length };
}

describe("the reset grant", () => {
  it("is single use: the same token a second time is an invalid grant", async () => {
    const { id, grant } = await student("grant_twice");
    expect(await resetPasswordWithGrant(grant, newPassword("First-New-Secret-21"), CLIENT)).toMatchObject({
      status: "reset",
    });
    const after = await accountRow(id);
    expect(await resetPasswordWithGrant(grant, newPassword("Second-New-Secret-22"), CLIENT)).toEqual({
      status: "invalidGrant",
    });
    expect(await accountRow(id)).toEqual(after);
    expect(await authenticate("grant_twice", "First-New-Secret-21", IP)).not.toBeNull();
    expect(await authenticate("grant_twice", "Second-New-Secret-22", IP)).toBeNull();
  });

  it("resets exactly once when the same token is used in parallel", async () => {
    const { id, grant } = await student("grant_race");
    const before = await accountRow(id);
    const passwords = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"].map((word) => `Racing-Snail-${word}-1`);
    const results = await Promise.all(
      passwords.map((p) => resetPasswordWithGrant(grant, newPassword(p), CLIENT)),
    );
    expect(results.filter((r) => r.status === "reset")).toHaveLength(1);
    expect(results.filter((r) => r.status === "invalidGrant")).toHaveLength(passwords.length - 1);
    const after = await accountRow(id);
    expect(after.history - before.history).toBe(1);
    expect(after.sessionVersion - before.sessionVersion).toBe(1);
    const winner = passwords[results.findIndex((r) => r.status === "reset")]!;
    expect(await authenticate("grant_race", winner, IP)).not.toBeNull();
  });

  it("does nothing once it has expired", async () => {
    const { id, grant } = await student("grant_expired");
    const db = await getDb();
    await db
      .update(resetGrants)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(resetGrants.userId, id));
    const before = await accountRow(id);
    expect(await grantHolder(grant)).toBeNull();
    expect(await resetPasswordWithGrant(grant, newPassword("Too-Late-Now-33"), CLIENT)).toEqual({
      status: "invalidGrant",
    });
    expect(await accountRow(id)).toEqual(before);
    expect(await authenticate("grant_expired", "Starting-Point-11", IP)).not.toBeNull();
  });

  it("lasts 15 minutes and is stored only as a hash", async () => {
    const { id, grant } = await student("grant_stored");
    const db = await getDb();
    const [row] = await db.select().from(resetGrants).where(eq(resetGrants.userId, id));
    const minutes = (row!.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(row!.usedAt).toBeNull();
    expect(JSON.stringify(row)).not.toContain(grant);
    expect(Buffer.from(grant, "base64url").length).toBeGreaterThanOrEqual(16);
  });

  it("cannot be used after it was cancelled", async () => {
    const { id, grant } = await student("grant_cancelled");
    await cancelResetGrant(grant, IP);
    const before = await accountRow(id);
    expect(await grantHolder(grant)).toBeNull();
    expect(await resetPasswordWithGrant(grant, newPassword("Changed-Mind-44"), CLIENT)).toEqual({
      status: "invalidGrant",
    });
    expect(await accountRow(id)).toEqual(before);
  });

  it("cannot be guessed: a random, empty or missing token is an invalid grant", async () => {
    const { id } = await student("grant_guessed");
    const before = await accountRow(id);
    const guesses = [randomBytes(32).toString("base64url"), "", undefined, String(id), "undefined"];
    for (const token of guesses) {
      expect(await resetPasswordWithGrant(token, newPassword("Lucky-Guess-Maybe-55"), CLIENT)).toEqual({
        status: "invalidGrant",
      });
    }
    expect(await accountRow(id)).toEqual(before);
  });

  it("ends every other grant of the account when one is used", async () => {
    const siti = await userIdOf(SITI.loginId);
    const older = await earnGrant(SITI.loginId, SITI.answers);
    const newer = await earnGrant(SITI.loginId, SITI.answers);
    expect(await resetPasswordWithGrant(newer, newPassword("Orange-Lantern-88"), CLIENT)).toMatchObject({
      status: "reset",
    });
    const before = await accountRow(siti);
    expect(await resetPasswordWithGrant(older, newPassword("Another-Lantern-99"), CLIENT)).toEqual({
      status: "invalidGrant",
    });
    expect(await accountRow(siti)).toEqual(before);
  });
});
