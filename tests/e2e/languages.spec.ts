// Story: a family resets a password in their own language, on a phone. The language comes from
// the browser at first, a switcher on every page changes it (without JavaScript too) and the
// choice is remembered; the answers set up in Chinese or Tamil reset the password; every page
// passes axe in every language and no text overflows its box at 360 px, not even in Tamil. A run
// in the pseudo-locale finds any word that does not come from the messages.
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { LOCALE_NAMES, LOCALE_TAGS, LOCALES, type Locale } from "../../lib/messages/locales";
import { messagesFor, questionText } from "../../lib/messages/tree";
import { expectAccessible, expectNoOverflow } from "./pages";
import { expect, test } from "./test";

/** `locale`: the browser's language, which it sends as Accept-Language. */
type Family = { loginId: string; name: string; answers: Record<number, string>; locale: string };

const FAMILIES: Record<(typeof LOCALES)[number], Family> = {
  en: {
    loginId: "ben_ong",
    name: "Ben Ong Jun Hao",
    answers: { 1: "golden retriever", 5: "ultraman", 7: "toy story" },
    locale: "en-SG",
  },
  zh: {
    loginId: "mei_ling_chen",
    name: "Chen Mei Ling",
    answers: { 1: "大熊猫", 4: "海南鸡饭", 8: "西游记" },
    locale: "zh-CN",
  },
  ms: {
    loginId: "aisyah_ismail",
    name: "Nur Aisyah binte Ismail",
    answers: { 2: "hijau", 3: "bola sepak", 4: "nasi lemak" },
    locale: "ms-MY",
  },
  ta: {
    loginId: "kavya_raman",
    name: "Kavya Raman",
    answers: { 2: "நீலம்", 6: "பொம்மை வண்டி", 8: "பொன்னியின் செல்வன்" },
    locale: "ta-IN",
  },
};

const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true };
const SCREENSHOTS = "docs/screenshots";

/** A phone on its own home network (the server trusts one proxy: X-Forwarded-For is the client's
 *  address), so the sign-ins of these families count against their own address's limits. */
let homes = 0;
async function phone(
  browser: Browser,
  options: Parameters<Browser["newContext"]>[0] = {},
): Promise<BrowserContext> {
  homes += 1;
  return browser.newContext({
    ...PHONE,
    extraHTTPHeaders: { "X-Forwarded-For": `203.0.113.${100 + 20 * test.info().workerIndex + homes}` },
    ...options,
  });
}

async function checkStep(page: Page, locale: Locale, step: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", LOCALE_TAGS[locale]);
  await expectAccessible(page);
  await expectNoOverflow(page);
  // The reset path and the locked page go to docs/screenshots (README, "Languages and accessibility").
  if (process.env.UPDATE_SCREENSHOTS === "1" && /^([1-6]|12)-/.test(step)) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/${locale}-${step}.png`, fullPage: true });
  }
}

for (const locale of LOCALES) {
  const family = FAMILIES[locale];
  const t = messagesFor(locale);

  test(`the whole reset in ${LOCALE_NAMES[locale]}, with answers set up in it`, async ({ browser }) => {
    // Sign-in, set-up, the whole reset and the lock, with axe and the overflow check at every step:
    // half a minute alone on two cores, twice that beside another browser.
    test.setTimeout(150_000);
    const context = await phone(browser, { locale: family.locale });
    const page = await context.newPage();
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: t.login.heading, level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(`${t.login.heading} | ${t.app.name}`);
    await checkStep(page, locale, "1-login");

    await page.getByRole("link", { name: t.login.forgot }).click();
    await expect(page.getByRole("heading", { name: t.sspr.searchHeading })).toBeVisible();
    await page.getByLabel(t.sspr.loginId).fill(family.loginId);
    await checkStep(page, locale, "2-search");
    await page.getByRole("button", { name: t.sspr.search }).click();

    await expect(page.getByRole("heading", { name: t.sspr.challengeHeading })).toBeVisible();
    await expect(page.getByRole("button", { name: t.sspr.checkAnswers })).toBeVisible();
    await checkStep(page, locale, "3-questions");
    // The questions are asked in the page's language; the answers are those set up.
    for (const [id, answer] of Object.entries(family.answers)) {
      const box = page.getByLabel(questionText(t, Number(id)), { exact: true });
      if ((await box.count()) > 0) await box.fill(answer);
    }
    await page.getByRole("button", { name: t.sspr.checkAnswers }).click();

    await expect(page.getByRole("heading", { name: t.changePassword.heading })).toBeVisible();
    await page.getByLabel(t.changePassword.newPassword, { exact: true }).fill("Tangerine");
    await expect(page.getByText(t.policy.length)).toBeVisible();
    await checkStep(page, locale, "4-new-password");
    await page.getByLabel(t.changePassword.newPassword, { exact: true }).fill("Starfruit-Meadow-2027");
    await page.getByLabel(t.changePassword.confirmPassword, { exact: true }).fill("Starfruit-Meadow-2027");
    await page.getByRole("button", { name: t.changePassword.submit, exact: true }).click();

    await expect(page.getByRole("heading", { name: t.sspr.doneHeading })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(t.sspr.doneText);
    await checkStep(page, locale, "5-done");

    // Signed in with the new password: the portal greets the child in the same language.
    await page.getByRole("button", { name: t.sspr.continue }).click();
    await page.getByLabel(t.login.loginId).fill(family.loginId);
    await page.getByLabel(t.login.password, { exact: true }).fill("Starfruit-Meadow-2027");
    await page.getByRole("button", { name: t.login.submit, exact: true }).click();
    await expect(page.getByText(t.portal.welcome(family.name))).toBeVisible();
    await checkStep(page, locale, "6-portal");
    // Every other page a family meets, in the same language.
    await page.getByRole("link", { name: t.portal.setupQuestions }).click();
    await expect(page.getByRole("heading", { name: t.setup.heading })).toBeVisible();
    await checkStep(page, locale, "7-setup");
    await page.getByRole("button", { name: t.setup.submit }).click();
    await expect(page.getByRole("heading", { name: t.errors.summary })).toBeVisible();
    await checkStep(page, locale, "8-setup-refused");
    await page.goto("/change-password");
    await expect(page.getByRole("heading", { name: t.changePassword.heading })).toBeVisible();
    await checkStep(page, locale, "9-change-password");
    await page.getByRole("button", { name: t.portal.logOut }).click();
    await expect(page.getByRole("heading", { name: t.login.heading })).toBeVisible();
    await page.goto("/sspr");
    await expect(page.getByRole("heading", { name: t.sspr.landingHeading })).toBeVisible();
    await checkStep(page, locale, "10-sspr");
    // A guardian's approval: the request, and the code's page after it.
    await page.goto("/sspr/guardian");
    await expect(page.getByRole("heading", { name: t.sspr.guardianHeading })).toBeVisible();
    await checkStep(page, locale, "10a-guardian");
    await page.goto("/sspr/guardian/code?sent=1");
    await expect(page.getByRole("status")).toHaveText(t.sspr.guardianSent);
    await checkStep(page, locale, "10b-guardian-code");
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: t.notFound.heading })).toBeVisible();
    await checkStep(page, locale, "11-not-found");

    // Three wrong tries: the locked page says how to reach the school, in the same language.
    await page.goto("/sspr/search");
    await page.getByLabel(t.sspr.loginId).fill(family.loginId);
    await page.getByRole("button", { name: t.sspr.search }).click();
    for (let i = 0; i < 3; i++) {
      await expect(page.getByRole("button", { name: t.sspr.checkAnswers })).toBeVisible();
      for (const box of await page.locator("form input:not([type=hidden])").all())
        await box.fill(`不是 / bukan / இல்லை ${i}`);
      await page.getByRole("button", { name: t.sspr.checkAnswers }).click();
      if (i < 2) await expect(page.getByText(t.sspr.wrongAnswers)).toBeVisible();
    }
    await expect(page.getByRole("heading", { name: t.locked.heading })).toBeVisible();
    await expect(page).toHaveTitle(`${t.locked.heading} | ${t.app.name}`);
    await checkStep(page, locale, "12-locked");
    await context.close();
  });
}

test("the switcher changes the language without JavaScript, and the choice is remembered", async ({
  browser,
}) => {
  const context = await phone(browser, {
    javaScriptEnabled: false,
    locale: "zh-CN",
  });
  const page = await context.newPage();
  await page.goto("/sspr/search");
  // The browser's language first.
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  const switcher = page.getByRole("form", { name: messagesFor("zh").language.label });
  for (const locale of LOCALES) {
    const button = switcher.getByRole("button", { name: LOCALE_NAMES[locale], exact: true });
    await expect(button).toHaveAttribute("lang", LOCALE_TAGS[locale]);
    if (locale === "zh") await expect(button).toHaveAttribute("aria-current", "true");
    else await expect(button).not.toHaveAttribute("aria-current");
  }

  // Tamil chosen: the same page, in Tamil, and every page after it, whatever the browser says.
  await switcher.getByRole("button", { name: "தமிழ்" }).click();
  await expect(page).toHaveURL(/\/sspr\/search$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ta");
  await expect(page.getByRole("heading", { name: messagesFor("ta").sspr.searchHeading })).toBeVisible();
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: messagesFor("ta").login.heading })).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name === "lang");
  expect(cookie).toMatchObject({ value: "ta", httpOnly: true, sameSite: "Lax" });
  expect(cookie!.expires - Date.now() / 1000).toBeGreaterThan(300 * 24 * 3600);

  // A GET changes nothing; a post from another site is refused; a way back elsewhere is not taken.
  expect((await page.request.get("/language?lang=en")).status()).toBe(405);
  const elsewhere = await page.request.post("/language", {
    form: { lang: "ta", back: "//evil.example/" },
    headers: { Origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(elsewhere.status()).toBe(303);
  expect(elsewhere.headers().location).toBe("/login");
  const crossSite = await page.request.post("/language", {
    form: { lang: "en", back: "/login" },
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
  expect((await context.cookies()).find((c) => c.name === "lang")?.value).toBe("ta");
  await context.close();
});

test("the busy and too-many-tries pages speak the reader's language", async ({ browser }) => {
  const context = await phone(browser, { locale: "ms-MY" });
  const page = await context.newPage();
  await page.goto("/login");
  const answer = await page.request.post("/login", {
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: new URL(page.url()).origin,
      "Accept-Language": "ms-MY,ms;q=0.9",
    },
    data: `loginId=${"x".repeat(70 * 1024)}`,
  });
  expect(answer.status()).toBe(413);
  const text = await answer.text();
  expect(text).toContain('<html lang="ms">');
  expect(text).toContain(messagesFor("ms").tooLarge.heading);
  await context.close();
});

test("a pseudo-locale run finds no word that does not come from the messages", async ({ browser }) => {
  const context = await phone(browser);
  await context.addCookies([{ name: "lang", value: "qps", url: test.info().project.use.baseURL! }]);
  const page = await context.newPage();
  /** Words of three or more plain letters: the pseudo-locale has none, data aside. */
  const DATA = /MIMS|English|Bahasa Melayu|farah_aziz|Farah Aziz|[\w.-]+@[\w.-]+/g;
  const expectNoEnglish = async (where: string) => {
    await expect(page.locator("html")).toHaveAttribute("lang", "en-XA");
    const text = (await page.locator("body").innerText()).replace(DATA, "");
    expect(text.match(/[A-Za-z]{3,}/g) ?? [], where).toEqual([]);
    await expectNoOverflow(page);
  };
  const t = messagesFor("qps");

  await page.goto("/login");
  await expectNoEnglish("Log In");
  await page.getByRole("button", { name: t.login.submit }).click();
  await expect(page.getByRole("heading", { name: t.errors.summary }).locator("..")).toBeFocused();
  await expectNoEnglish("Log In, refused");
  await page.goto("/sspr");
  await expectNoEnglish("/sspr");
  await page.goto("/sspr/search");
  await page.getByRole("button", { name: t.sspr.search }).click();
  await expectNoEnglish("search, refused");
  await page.getByLabel(t.sspr.loginId).fill("farah_aziz");
  await page.getByRole("button", { name: t.sspr.search }).click();
  await expect(page.getByRole("heading", { name: t.sspr.challengeHeading })).toBeVisible();
  await expectNoEnglish("the questions");
  await page.getByRole("button", { name: t.sspr.checkAnswers }).click();
  await expectNoEnglish("the questions, refused");
  await page.goto("/sspr/change");
  await expectNoEnglish("change without a grant");
  await page.goto("/sspr/done");
  await expectNoEnglish("done");
  await page.goto("/sspr/guardian");
  await expectNoEnglish("a guardian's approval");
  await page.goto("/sspr/guardian/code?sent=1");
  await expectNoEnglish("the guardian's code");
  await page.goto("/no-such-page");
  await expectNoEnglish("not found");

  await page.goto("/login");
  await page.getByLabel(t.login.loginId).fill("farah_aziz");
  await page.getByLabel(t.login.password, { exact: true }).fill("Coconut-Lighthouse-6");
  await page.getByRole("button", { name: t.login.submit }).click();
  await expect(page.getByRole("heading", { name: t.portal.heading })).toBeVisible();
  await expectNoEnglish("portal");
  await page.getByRole("link", { name: t.portal.setupQuestions }).click();
  await expectNoEnglish("set-up");
  await page.getByRole("button", { name: t.setup.submit }).click();
  await expectNoEnglish("set-up, refused");
  await page.goto("/change-password");
  await page.getByRole("button", { name: t.changePassword.submit, exact: true }).click();
  await expectNoEnglish("change password, refused");
  await context.close();
});
