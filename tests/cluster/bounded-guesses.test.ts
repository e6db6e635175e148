// Story: however many browsers guess at once, through however many instances, one Login ID gets
// at most 3 guesses evaluated per lock window (SSPR_MAX_WRONG_ANSWERS, default 3); the 3rd lock
// locks the account until the school unlocks it. Counted from the responses and from the database.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Database } from "@/db/client";
import { Browser, formWith, mainText, type Form, type Page } from "./browserless";
import { auditCount, createStudent, gateRow, letLockRunOut, openClusterDb } from "./db";
import { ANSWERS, isLockedPage, rightAnswers, says, startReset, t, wrongGuess } from "./flows";

let guesses = 0;

const { bases } = inject("cluster");
const PARALLEL = 40;
const MAX_WRONG = 3;
const TARGET = "guess_target";
const STRANGER = "no_such_guesser";

type Tab = { browser: Browser; challenge: Page; form: Form };
let database: Database;
let targetId: number;
let targetTabs: Tab[];

/** A browser on each instance, at the challenge of `loginId`, with its Check Answers form. */
async function tabsOn(loginId: string): Promise<Tab[]> {
  return Promise.all(
    bases.map(async (base) => {
      const browser = new Browser(base);
      const { challenge } = await startReset(browser, loginId);
      return { browser, challenge, form: formWith(challenge, "Check Answers") };
    }),
  );
}

/** 40 browsers post wrong answers at once, alternating between the instances. */
async function volley(tabs: Tab[], userId: number | null) {
  const count = (action: string) => auditCount(database.db, action, userId);
  const [failedBefore, refusedBefore] = [await count("challenge_failed"), await count("challenge_refused")];
  const pages = await Promise.all(
    Array.from({ length: PARALLEL }, (_, i) => {
      const tab = tabs[i % tabs.length]!;
      return tab.browser.on(tab.browser.base).submit(tab.form, wrongGuess(++guesses));
    }),
  );
  const wrong = pages.filter((p) => p.status === 200 && says(p, t.sspr.wrongAnswers));
  // Locked: a 303 back to the challenge, or (an evaluated guess whose page is drawn after the
  // lock) the challenge page showing the locked notice.
  const locked = pages.filter(
    (p) => (p.status === 303 && p.location === "/sspr/challenge") || isLockedPage(p),
  );
  const other = pages
    .filter((p) => !wrong.includes(p) && !locked.includes(p))
    .map((p) => `${p.status} ${p.location} ${mainText(p.html).slice(0, 120)}`);
  const evaluated = (await count("challenge_failed")) - failedBefore;
  const refused = (await count("challenge_refused")) - refusedBefore;
  console.log(
    `[guesses] ${PARALLEL} posted: ${wrong.length} "not correct", ${locked.length} locked page;` +
      ` database: ${evaluated} evaluated, ${refused} refused`,
  );
  return { wrongMessages: wrong.length, lockedPages: locked.length, other, evaluated, refused };
}

/** What one of the tabs is shown when it loads the challenge page now. */
const challengePage = (tabs: Tab[]) => tabs[0]!.browser.get("/sspr/challenge");

beforeAll(async () => {
  database = await openClusterDb();
  targetId = await createStudent(database.db, TARGET, {
    fullName: "Guess Target Pupil",
    password: "Harbour-Lights-2031",
    answers: ANSWERS,
  });
  targetTabs = await tabsOn(TARGET);
});

afterAll(async () => {
  await database.close();
});

describe("guesses are bounded, whatever the parallelism", () => {
  it("evaluates at most 3 of 40 parallel guesses spread over two instances", async () => {
    const shot = await volley(targetTabs, targetId);

    expect(shot.other).toEqual([]);
    expect(shot.wrongMessages).toBeLessThanOrEqual(MAX_WRONG);
    expect(shot.wrongMessages + shot.lockedPages).toBe(PARALLEL);
    expect(shot.evaluated).toBe(MAX_WRONG);
    expect(shot.refused).toBe(PARALLEL - MAX_WRONG);
    expect(await auditCount(database.db, "reset_path_locked", targetId)).toBe(1);
    const page = await challengePage(targetTabs);
    expect(isLockedPage(page)).toBe(true);
    expect(mainText(page.html)).toContain(t.locked.temporaryMinutes(15));
  });

  it("refuses even the right answers while the reset path is locked", async () => {
    const { browser, challenge, form } = targetTabs[1]!;
    const page = await browser.submit(form, rightAnswers(challenge, ANSWERS));

    expect(page.status).toBe(303);
    expect(page.location).toBe("/sspr/challenge");
    expect(browser.cookie("sspr_grant")).toBeUndefined();
    expect(await auditCount(database.db, "challenge_passed", targetId)).toBe(0);
  });

  it("evaluates 3 more in each next lock window; the 3rd lock locks the account for good", async () => {
    for (const window of [2, 3]) {
      await letLockRunOut(database.db, targetId);
      const shot = await volley(targetTabs, targetId);
      expect(shot.other).toEqual([]);
      expect(shot.wrongMessages).toBeLessThanOrEqual(MAX_WRONG);
      expect({ window, evaluated: shot.evaluated }).toEqual({ window, evaluated: MAX_WRONG });
    }
    expect(await gateRow(database.db, targetId)).toMatchObject({ lockCount: 3, accountLocked: true });
    expect(await auditCount(database.db, "account_locked", targetId)).toBe(1);

    await letLockRunOut(database.db, targetId);
    const after = await volley(targetTabs, targetId);
    expect(after).toMatchObject({ evaluated: 0, refused: PARALLEL, lockedPages: PARALLEL, other: [] });
    expect(mainText((await challengePage(targetTabs)).html)).toContain(t.locked.account);
  });

  it("gives a Login ID nobody has no more than 3 guesses either", async () => {
    const shot = await volley(await tabsOn(STRANGER), null);

    expect(shot.other).toEqual([]);
    expect(shot.wrongMessages).toBeLessThanOrEqual(MAX_WRONG);
    expect(shot.evaluated).toBe(MAX_WRONG);
    expect(shot.refused).toBe(PARALLEL - MAX_WRONG);
  });
});
