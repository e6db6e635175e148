// Story: nobody learns from sign-in or from the reset path whether a Login ID exists, has security
// questions, or is locked. Every kind of ID gets the same status, page and words, in the same time
// (an argon2 verify runs in every case, against a dummy hash when there is no real one).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Database } from "@/db/client";
import { Browser, formWith, mainText, type Page } from "./browserless";
import { clearAttempts, clearSignInThrottles, lockOutright, openClusterDb, userIdOf } from "./db";
import { WRONG, t } from "./flows";
import { compareMedians, interleaved, perCase } from "./timing";

const base = inject("cluster").bases[0]!;
const ROUNDS = 60;
const WARM_UP = 3;
const MAX_SPREAD_MS = 10;

const IDS = {
  unknown: "no_such_pupil",
  noQuestions: "alex_tan",
  enrolled: "siti_rahman",
  locked: "lim_wei_jie",
  /** An ID nobody has, locked the same way: what a locked account must look like. */
  lockedStranger: "no_such_locked_pupil",
} as const;
type Kind = keyof typeof IDS;
const SIGN_IN_KINDS: Kind[] = ["unknown", "noQuestions", "enrolled", "locked"];
const OPEN_KINDS: Kind[] = ["unknown", "noQuestions", "enrolled"];
const LOCKED_KINDS: Kind[] = ["locked", "lockedStranger"];
const RESET_KINDS: Kind[] = [...OPEN_KINDS, ...LOCKED_KINDS];
const STEPS = ["search", "challenge", "check"] as const;
type Step = (typeof STEPS)[number];

let database: Database;
let openGates: (number | string)[];

beforeAll(async () => {
  database = await openClusterDb();
  const { db } = database;
  await lockOutright(db, await userIdOf(db, IDS.locked));
  await lockOutright(db, IDS.lockedStranger);
  openGates = [IDS.unknown, await userIdOf(db, IDS.noQuestions), await userIdOf(db, IDS.enrolled)];
});

afterAll(async () => {
  await database.close();
});

const pick = <V>(all: Record<Kind, V[]>, kinds: Kind[]) =>
  Object.fromEntries(kinds.map((k) => [k, all[k]])) as Record<Kind, V[]>;

/** What a visitor notices of a response: its status, where it redirects, the words of <main>. */
const seen = (page: Page) => `${page.status} ${page.location ?? "-"} | ${mainText(page.html)}`;

/** Every distinct thing each kind of ID was shown, for `kinds`. */
function distinctViews(views: Record<Kind, string[]>, kinds: Kind[]) {
  return Object.fromEntries(kinds.map((k) => [k, [...new Set(views[k])]]));
}

/** The same single view for every kind, the first kind's. */
function expectAlike(views: Record<Kind, string[]>, kinds: Kind[], words: string) {
  const shown = distinctViews(views, kinds);
  const first = shown[kinds[0]!]!;
  expect(first).toHaveLength(1);
  expect(first[0]).toContain(words);
  expect(shown).toEqual(Object.fromEntries(kinds.map((k) => [k, first])));
}

/** Medians of at least ROUNDS samples per kind, within MAX_SPREAD_MS of each other. */
function expectSameTime(label: string, timings: Record<Kind, number[]>) {
  const { spread, samples } = compareMedians(label, timings);
  expect(samples).toBeGreaterThanOrEqual(ROUNDS);
  expect(spread).toBeLessThanOrEqual(MAX_SPREAD_MS);
}

describe("no account discovery", () => {
  it("answers a wrong password for every kind of Login ID with the same page, words and time", async () => {
    const views = perCase<Kind, string>(SIGN_IN_KINDS);
    const timings = perCase(SIGN_IN_KINDS);
    const browser = new Browser(base);
    const form = formWith(await browser.get("/login"), "Log In");
    const attempt = (kind: Kind) =>
      browser.submit(form, { loginId: IDS[kind], password: "Wrong-Password-2024" });

    // 63 wrong passwords per ID would slow every one of them (alike) after 10: the runs are
    // forgotten before each round, so each sample is a judged wrong password.
    const forget = () => clearSignInThrottles(database.db);
    await interleaved(SIGN_IN_KINDS, WARM_UP, async (kind) => void (await attempt(kind)), forget);
    await interleaved(
      SIGN_IN_KINDS,
      ROUNDS,
      async (kind) => {
        const page = await attempt(kind);
        views[kind].push(seen(page));
        timings[kind].push(page.elapsedMs);
      },
      forget,
    );

    expectAlike(views, SIGN_IN_KINDS, t.login.failed);
    expectSameTime("sign-in, wrong password", timings);
  });

  describe("the reset path: Search, the challenge page, wrong answers", () => {
    const views = {} as Record<Step, Record<Kind, string[]>>;
    const timings = {} as Record<Step, Record<Kind, number[]>>;
    for (const step of STEPS) {
      views[step] = perCase<Kind, string>(RESET_KINDS);
      timings[step] = perCase(RESET_KINDS);
    }

    beforeAll(async () => {
      const browsers = new Map(RESET_KINDS.map((k) => [k, new Browser(base)]));
      const scout = new Browser(base);
      const searchForm = formWith(await scout.get("/sspr/search"), "Search");
      // A locked ID's page has no form: an attacker posts the one any other challenge page has.
      const spareChallenge = await scout.follow(await scout.submit(searchForm, { loginId: IDS.unknown }));
      const spareForm = formWith(spareChallenge, "Check Answers");
      const walk = async (kind: Kind, record: boolean) => {
        const browser = browsers.get(kind)!;
        const search = await browser.submit(searchForm, { loginId: IDS[kind] });
        const challenge = await browser.follow(search);
        const form = LOCKED_KINDS.includes(kind) ? spareForm : formWith(challenge, "Check Answers");
        const check = await browser.submit(form, WRONG);
        if (!record) return;
        const pages: Record<Step, Page> = { search, challenge, check };
        for (const step of STEPS) {
          views[step][kind].push(seen(pages[step]));
          timings[step][kind].push(pages[step].elapsedMs);
        }
      };
      // The open IDs' wrong answers are forgotten before each round, so that none of them locks.
      const forget = () => clearAttempts(database.db, openGates);
      await interleaved(RESET_KINDS, WARM_UP, (kind) => walk(kind, false), forget);
      await interleaved(RESET_KINDS, ROUNDS, (kind) => walk(kind, true), forget);
      // For the record only: an open gate and a locked one differ in page anyway (questions or
      // the locked notice; the message or a 303), for unknown and real IDs alike.
      for (const step of STEPS) compareMedians(`reset path, ${step}, all kinds`, timings[step]);
    });

    it("shows an unknown ID, one without questions and an enrolled one the same pages", () => {
      expectAlike(views.search, OPEN_KINDS, "/sspr/challenge");
      expectAlike(views.challenge, OPEN_KINDS, t.sspr.challengeHeading);
      expectAlike(views.check, OPEN_KINDS, t.sspr.wrongAnswers);
    });

    it("shows a locked account exactly the locked page of a Login ID nobody has", () => {
      expectAlike(views.search, LOCKED_KINDS, "/sspr/challenge");
      expectAlike(views.challenge, LOCKED_KINDS, t.locked.account);
      expectAlike(views.check, LOCKED_KINDS, "/sspr/challenge");
    });

    it.each(STEPS)("takes the same time at the %s step for unknown, questionless, enrolled IDs", (step) =>
      expectSameTime(`reset path, ${step}, open`, pick(timings[step], OPEN_KINDS)),
    );

    it.each(STEPS)(
      "takes the same time at the %s step for a locked account and a locked unknown ID",
      (step) => expectSameTime(`reset path, ${step}, locked`, pick(timings[step], LOCKED_KINDS)),
    );
  });
});
