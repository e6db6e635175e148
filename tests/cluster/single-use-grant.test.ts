// Story: the reset grant that correct answers earn changes one password once. Posted twice at the
// same moment to two instances, it changes the password exactly once; a grant that ran out, one
// carried into another person's reset, or one kept after Cancel changes nothing.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Database } from "@/db/client";
import { Browser, formWith, mainText, type Page } from "./browserless";
import { auditCount, createStudent, expireGrants, historyCount, openClusterDb, passwordHashOf } from "./db";
import { ANSWERS, earnGrant, logIn, newPassword, resetDone, says, signedIn, startReset, t } from "./flows";

const { bases } = inject("cluster");
const [first, second] = [bases[0]!, bases[1]!];
const OLD_PASSWORD = "Harbour-Lights-2031";
const NEW_PASSWORDS = ["Maple-Orbit-Lantern-83", "Quartz-River-Meadow-61"] as const;
const RACES = 3;

let database: Database;

/** A student of our own, so that no other story touches the account. */
async function student(loginId: string, fullName: string) {
  const id = await createStudent(database.db, loginId, {
    fullName,
    password: OLD_PASSWORD,
    answers: ANSWERS,
  });
  return { id, loginId };
}

/** What a password reset leaves behind in the database. */
async function trace(userId: number) {
  return {
    hash: await passwordHashOf(database.db, userId),
    history: await historyCount(database.db, userId),
    resets: await auditCount(database.db, "password_reset", userId),
  };
}

const grantGone = (page: Page) => page.status === 200 && says(page, t.sspr.grantGone);

beforeAll(async () => {
  database = await openClusterDb();
});

afterAll(async () => {
  await database.close();
});

describe("a reset grant is used once", () => {
  it("changes the password once when one grant is posted to both instances at once", async () => {
    for (let race = 1; race <= RACES; race++) {
      const pupil = await student(`grant_race_${race}`, `Racing Pupil Number${race}`);
      const { browser, changeForm } = await earnGrant(first, pupil.loginId);
      const before = await trace(pupil.id);

      const posts = await Promise.all([
        browser.submit(changeForm, newPassword(NEW_PASSWORDS[0])),
        browser.on(second).submit(changeForm, newPassword(NEW_PASSWORDS[1])),
      ]);

      const seen = posts.map((p) => `${p.status} ${p.location ?? ""} in ${Math.round(p.elapsedMs)} ms`);
      console.log(`[grant race ${race}] ${seen.join(", ")}`);
      const winners = posts.filter(resetDone);
      expect({ race, changed: winners.length }).toEqual({ race, changed: 1 });
      expect(posts.filter(grantGone)).toHaveLength(1);
      const after = await trace(pupil.id);
      expect(after.history).toBe(before.history + 1);
      expect(after.resets).toBe(before.resets + 1);
      const chosen = NEW_PASSWORDS[posts.indexOf(winners[0]!)]!;
      const other = NEW_PASSWORDS.find((p) => p !== chosen)!;
      expect(signedIn(await logIn(second, pupil.loginId, chosen))).toBe(true);
      expect(signedIn(await logIn(first, pupil.loginId, other))).toBe(false);
      expect(signedIn(await logIn(first, pupil.loginId, OLD_PASSWORD))).toBe(false);
    }
  });

  it("does nothing with a grant older than 15 minutes", async () => {
    const pupil = await student("grant_expired", "Patient Pupil Wong");
    const { browser, changeForm } = await earnGrant(first, pupil.loginId);
    expect(await expireGrants(database.db, pupil.id)).toBe(1);
    const before = await trace(pupil.id);

    const page = await browser.on(second).submit(changeForm, newPassword(NEW_PASSWORDS[0]));

    expect(grantGone(page)).toBe(true);
    expect(mainText(page.html)).toContain("This password reset has ended.");
    expect(await trace(pupil.id)).toEqual(before);
    expect(says(await browser.get("/sspr/change"), t.sspr.grantGone)).toBe(true);
    expect(signedIn(await logIn(first, pupil.loginId, OLD_PASSWORD))).toBe(true);
  });

  it("never changes another person's password with a grant someone else earned", async () => {
    const holder = await student("grant_holder", "Holder Pupil Lee");
    const bystander = await student("grant_bystander", "Bystander Pupil Goh");
    const earned = await earnGrant(first, holder.loginId);
    // The bystander's own reset in another browser, on the other instance, with the grant added.
    const mixed = new Browser(second);
    await startReset(mixed, bystander.loginId);
    mixed.setCookie("sspr_grant", earned.grant, "/sspr");
    const [holderBefore, bystanderBefore] = [await trace(holder.id), await trace(bystander.id)];

    const change = await mixed.get("/sspr/change");
    const page = await mixed.submit(formWith(change, "Change Password"), {
      username: bystander.loginId,
      ...newPassword(NEW_PASSWORDS[1]),
    });

    expect([200, 303]).toContain(page.status);
    expect(await trace(bystander.id)).toEqual(bystanderBefore);
    expect(signedIn(await logIn(first, bystander.loginId, OLD_PASSWORD))).toBe(true);
    expect(signedIn(await logIn(first, bystander.loginId, NEW_PASSWORDS[1]))).toBe(false);
    // The grant is the holder's: it may have reset the holder's password, once, and nothing else.
    const holderChanged = (await trace(holder.id)).history - holderBefore.history;
    expect(holderChanged).toBeLessThanOrEqual(1);
    const holderPassword = holderChanged ? NEW_PASSWORDS[1] : OLD_PASSWORD;
    expect(signedIn(await logIn(second, holder.loginId, holderPassword))).toBe(true);
  });

  it("does nothing with a grant posted after Cancel", async () => {
    const pupil = await student("grant_cancelled", "Careful Pupil Chua");
    const { browser, change, changeForm, grant } = await earnGrant(first, pupil.loginId);

    const cancelled = await browser.submit(formWith(change, "Cancel"));
    expect(cancelled.status).toBe(303);
    expect(cancelled.location).toBe("/login");
    expect(browser.cookie("sspr_grant")).toBeUndefined();
    expect(await auditCount(database.db, "reset_cancelled", pupil.id)).toBe(1);
    const before = await trace(pupil.id);

    // An attacker kept the cookie and posts the form again, on both instances.
    browser.setCookie("sspr_grant", grant, "/sspr");
    const posts = await Promise.all(
      [first, second].map((base) => browser.on(base).submit(changeForm, newPassword(NEW_PASSWORDS[0]))),
    );

    expect(posts.map(grantGone)).toEqual([true, true]);
    expect(await trace(pupil.id)).toEqual(before);
    expect(signedIn(await logIn(second, pupil.loginId, NEW_PASSWORDS[0]))).toBe(false);
    expect(signedIn(await logIn(second, pupil.loginId, OLD_PASSWORD))).toBe(true);
  });
});
