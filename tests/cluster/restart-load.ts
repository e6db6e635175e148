// The load of the PostgreSQL restart story: journeys over the two instances (sign in, answer the
// questions, choose a new password, sign in with it). Every response is recorded with its kind;
// none is trusted to succeed.
import { Browser, formWith, mainText, type Form, type Page } from "./browserless";
import { ANSWERS, logIn, newPassword, rightAnswers, signedIn, t } from "./flows";
import { OLD_PASSWORD, type Student } from "./restart-students";

export const DONE = "303 → /sspr/done";
const STEP_TIMEOUT_MS = 10_000;

export type Step =
  "sign-in" | "search" | "challenge" | "answers" | "change page" | "reset" | "sign-in new" | "burst sign-in";
export type Call = { step: Step; kind: string; start: number; end: number };
/** One Change Password post: at most one per student, so the database tells which happened. */
export type Attempt = { newPassword: string; kind: string; start: number; end: number };
export type Journey = {
  student: Student;
  /** The grant cookie, when the answers earned one. */
  grant: string | null;
  attempt: Attempt | null;
  signedInOld: boolean;
  signedInNew: boolean;
};

let passwords = 0;
const freshPassword = () => `Quartz-Meadow-${++passwords}-Lantern`;

const WORDS: [string, string][] = [
  [t.login.failed, "wrong password"],
  [t.sspr.wrongAnswers, "wrong answers"],
  [t.sspr.grantGone, "grant gone"],
  [t.errors.generic, "error page"],
  [t.errors.busy, "busy"],
];

export function kindOf(page: Page): string {
  if (page.location) return `${page.status} → ${page.location}`;
  const text = mainText(page.html);
  const said = WORDS.find(([words]) => text.includes(words));
  return said ? `${page.status} ${said[1]}` : String(page.status);
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((done) => (timer = setTimeout(() => done(null), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** One request (or GET and POST of a form), recorded whatever it answers. */
export async function step(log: Call[], step: Step, send: () => Promise<Page>) {
  const start = Date.now();
  let page: Page | null = null;
  let kind: string;
  try {
    page = await withTimeout(send(), STEP_TIMEOUT_MS);
    kind = page ? kindOf(page) : `no answer in ${STEP_TIMEOUT_MS / 1000} s`;
  } catch (error) {
    kind = error instanceof TypeError ? "connection failed" : "page without its form";
  }
  log.push({ step, kind, start, end: Date.now() });
  return { page, kind };
}

const formOn = (page: Page | null, button: string): Form | null => {
  try {
    return page?.status === 200 ? formWith(page, button) : null;
  } catch {
    return null;
  }
};

export type Armed = { journey: Journey; post: (() => Promise<Journey>) | null };

/** Sign in, answer on `here`, open Change Password on `there`: `post` sends the new password
 *  (null when a step failed, and the journey ends there). */
export async function armReset(log: Call[], student: Student, here: string, there: string): Promise<Armed> {
  const done: Journey = { student, grant: null, attempt: null, signedInOld: false, signedInNew: false };
  const ended = { journey: done, post: null };
  const { loginId } = student;
  const login = await step(log, "sign-in", () => logIn(here, loginId, OLD_PASSWORD));
  done.signedInOld = !!login.page && signedIn(login.page);
  const browser = new Browser(here);
  const search = await step(log, "search", async () =>
    browser.submit(formWith(await browser.get("/sspr/search"), "Search"), { loginId }),
  );
  if (search.page?.location !== "/sspr/challenge") return ended;
  const challenge = (await step(log, "challenge", () => browser.get("/sspr/challenge"))).page;
  const check = formOn(challenge, "Check Answers");
  if (!challenge || !check) return ended;
  const checked = await step(log, "answers", () => browser.submit(check, rightAnswers(challenge, ANSWERS)));
  done.grant = browser.cookie("sspr_grant") ?? null;
  if (checked.page?.location !== "/sspr/change" || !done.grant) return ended;
  const other = browser.on(there);
  const change = formOn(
    (await step(log, "change page", () => other.get("/sspr/change"))).page,
    "Change Password",
  );
  if (!change) return ended;
  const post = async () => {
    const password = freshPassword();
    const start = Date.now();
    const posted = await step(log, "reset", () => other.submit(change, newPassword(password)));
    done.attempt = { newPassword: password, kind: posted.kind, start, end: Date.now() };
    if (posted.kind !== DONE) return done;
    const again = await step(log, "sign-in new", () => logIn(there, loginId, password));
    done.signedInNew = !!again.page && signedIn(again.page);
    return done;
  };
  return { journey: done, post };
}

/** A whole journey: sign in, reset, sign in with the new password. */
export async function journey(log: Call[], student: Student, here: string, there: string) {
  const armed = await armReset(log, student, here, there);
  return armed.post ? armed.post() : armed.journey;
}

export const completed = (j: Journey) => j.signedInOld && j.attempt?.kind === DONE && j.signedInNew;

/** `workers` journeys at a time, alternating the instances, until stopped or `perWorker` each. */
export function startLoad(bases: string[], take: () => Student, workers: number, perWorker: number) {
  const log: Call[] = [];
  const journeys: Journey[] = [];
  let stopped = false;
  const worker = async (w: number) => {
    for (let i = 0; i < perWorker && !stopped; i++) {
      const [here, there] = [bases[(w + i) % bases.length]!, bases[(w + i + 1) % bases.length]!];
      journeys.push(await journey(log, take(), here, there));
    }
  };
  const finished = Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  return { log, journeys, stop: () => (stopped = true), finished };
}

/** `size` sign-ins at once on each instance, all of one student per instance. */
export async function parallelSignIns(bases: string[], take: () => Student, size: number) {
  const log: Call[] = [];
  // A student each: one account's sign-ins at once beyond the per-account limit's free run would
  // be slowed (lib/limits/sign-in-throttle.ts), and this burst is about the connections, not the limit.
  const burst = async (base: string) => {
    const students = Array.from({ length: size }, () => take().loginId);
    await Promise.all(
      students.map((loginId) => step(log, "burst sign-in", () => logIn(base, loginId, OLD_PASSWORD))),
    );
  };
  await Promise.all(bases.map(burst));
  return log;
}

/** Counts of `step: kind`, split by when the call ran: before, across or after the restart. */
export function tally(log: Call[], outage: { from: number; to: number }) {
  const phases = { before: {}, across: {}, after: {} } as Record<string, Record<string, number>>;
  for (const call of log) {
    const phase = call.end < outage.from ? "before" : call.start >= outage.to ? "after" : "across";
    const key = `${call.step}: ${call.kind}`;
    phases[phase]![key] = (phases[phase]![key] ?? 0) + 1;
  }
  return phases;
}
