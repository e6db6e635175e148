// The moves a visitor makes on the running instances, as a browser without JavaScript makes them.
import { en } from "@/lib/messages/en";
import { SECURITY_QUESTIONS } from "@/lib/reset/questions";
import { Browser, formWith, mainText, questionLabels, type Form, type Page } from "./browserless";
import type { Answers } from "./db";

export const t = en;

/** Two answers that match nobody's questions. */
export const WRONG = { answer1: "not the answer", answer2: "still not it" };
/** Wrong answers of their own, guess `n`: the same wrong answers again count once (fair counting). */
export const wrongGuess = (n: number) => ({ answer1: `not the answer ${n}`, answer2: `still not it ${n}` });

/** Answers that pass the school's rules, for the extra students. */
export const ANSWERS: Answers = { 1: "hamster", 2: "lavender", 3: "chess club" };

export const says = (page: Page, words: string) => mainText(page.html).includes(words);

/** Signed in: the sign-in action redirects (303) to the portal. */
export const signedIn = (page: Page) => page.status === 303 && page.location === "/";

export const isLockedPage = (page: Page) => page.status === 200 && says(page, t.locked.heading);

export async function logIn(base: string, loginId: string, password: string): Promise<Page> {
  const browser = new Browser(base);
  return browser.submit(formWith(await browser.get("/login"), "Log In"), { loginId, password });
}

/** Search with the Login ID (303 to the challenge), then the challenge page. */
export async function startReset(browser: Browser, loginId: string) {
  const search = await browser.submit(formWith(await browser.get("/sspr/search"), "Search"), { loginId });
  if (search.location !== "/sspr/challenge") throw new Error(`Search answered ${search.status}`);
  return { search, challenge: await browser.follow(search) };
}

/** The right answers to the questions a challenge page asks. */
export function rightAnswers(challenge: Page, answers: Answers) {
  const [first, second] = questionLabels(challenge.html).map((label) => {
    const id = SECURITY_QUESTIONS.find((q) => q.text === label)?.id;
    const answer = id === undefined ? undefined : answers[id];
    if (answer === undefined) throw new Error(`no answer for "${label}"`);
    return answer;
  });
  if (first === undefined || second === undefined) throw new Error("the page asks no two questions");
  return { answer1: first, answer2: second };
}

export type Reset = { browser: Browser; change: Page; changeForm: Form; grant: string };

/** Answers correctly and lands on Change Password holding a reset grant. */
export async function earnGrant(base: string, loginId: string, answers: Answers = ANSWERS): Promise<Reset> {
  const browser = new Browser(base);
  const { challenge } = await startReset(browser, loginId);
  const checked = await browser.submit(
    formWith(challenge, "Check Answers"),
    rightAnswers(challenge, answers),
  );
  const grant = browser.cookie("sspr_grant");
  if (checked.location !== "/sspr/change" || !grant) throw new Error(`${loginId} earned no grant`);
  const change = await browser.follow(checked);
  return { browser, change, changeForm: formWith(change, "Change Password"), grant };
}

export const newPassword = (password: string) => ({ newPassword: password, confirmPassword: password });

/** The reset went through: a no-JS post gets a 303 to the done page. */
export const resetDone = (page: Page) => page.status === 303 && page.location === "/sspr/done";
