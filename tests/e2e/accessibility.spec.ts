// Story: a child who uses only a keyboard, or a screen reader, or a phone with large text, gets
// through sign-in, set-up, the whole reset and the locked page (WCAG 2.2 AA, GOV.UK's form
// patterns): focus always visible and never hidden, in the page's order; a refused form puts focus
// on a summary that links to each field; password managers, paste and a Show button work on every
// password field; nothing needs sideways scrolling at 320 px or with text twice as large; every
// target is at least 24 × 24 px; each step's accessibility tree is what a screen reader reads.
import type { Page } from "@playwright/test";
import { expectAccessible, expectNoOverflow } from "./pages";
import { expect, test } from "./test";

// This file's sign-ins and resets come from their own address (the server trusts one proxy), so
// they count against their own limits, not those of the other specs.
test.use({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.90" } });

const DANIEL = { loginId: "daniel_lee", password: "Paper-Plane-Sky-12" };
const ANSWERS: Record<string, string> = {
  "What is your favourite animal?": "hamster",
  "What is your favourite colour?": "orange",
  "What is your favourite toy?": "spinning top",
};

type Focused = { name: string; tag: string; visible: boolean; obscured: boolean; outline: string };

/** What has focus: its name as a person would say it, and whether they can see it. */
async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body)
      return { name: "", tag: "body", visible: false, obscured: false, outline: "" };
    const input = el as HTMLInputElement;
    const labelled = el.getAttribute("aria-labelledby");
    const name = (
      el.getAttribute("aria-label") ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      input.labels?.[0]?.textContent ??
      el.textContent ??
      ""
    ).trim();
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + Math.min(box.height / 2, 10), 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    return {
      name,
      tag: el.tagName.toLowerCase(),
      // 2.4.7: an outline (or the browser's ring) a person can see.
      visible: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
      // 2.4.11: in the window and not covered by anything.
      obscured:
        box.bottom < 0 ||
        box.top > innerHeight ||
        !(top === el || el.contains(top) || (top?.contains(el) ?? false)),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

/** Presses Tab (or Shift+Tab) until the element called `name` has focus; every stop on the way
 *  must show its focus. Returns the names passed, in order. */
async function tabTo(page: Page, name: string | RegExp, back = false): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const now = await focused(page);
    expect(now.visible, `focus on ${now.tag} "${now.name}" is visible (${now.outline})`).toBe(true);
    expect(now.obscured, `focus on ${now.tag} "${now.name}" is not hidden`).toBe(false);
    passed.push(now.name);
    if (typeof name === "string" ? now.name === name : name.test(now.name)) return passed;
  }
  throw new Error(`Tab never reached "${String(name)}"; passed ${passed.join(" → ")}`);
}

/** The page's outline for a screen reader: one h1, no level skipped, the landmarks. */
async function expectStructure(page: Page, title: RegExp) {
  await expect(page).toHaveTitle(title);
  await expectNoOverflow(page);
  const levels = await page
    .locator("h1, h2, h3, h4")
    .evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveCount(1);
}

test("keyboard alone: sign in, set up the questions, reset the password, and the locked page", async ({
  page,
}) => {
  // At 320 CSS px (a phone zoomed to 400 % on a desk): every step reflows, nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/login");
  await expectStructure(page, /^Log In \| /);
  await expect(page.locator("main")).toMatchAriaSnapshot(`
    - heading "Log In" [level=1]
    - paragraph: Sign in to the MIMS Portal with your Login ID and password.
    - textbox "Login ID"
    - textbox "Password"
    - button "Log In"
    - paragraph:
      - link "Forgot Password?"
  `);
  // The order follows the page: the skip link, the languages, then the form.
  const order = await tabTo(page, "Login ID");
  expect(order).toEqual(["Skip to main content", "English", "中文", "Bahasa Melayu", "தமிழ்", "Login ID"]);
  await page.keyboard.type(DANIEL.loginId);
  await tabTo(page, "Password");
  await page.keyboard.type(DANIEL.password);
  // Back and forth: Shift+Tab returns to the Login ID, Tab comes back past the Show button.
  await tabTo(page, "Login ID", true);
  await tabTo(page, "Show password");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("type", "text");
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("type", "password");
  await tabTo(page, "Log In");
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "MIMS Portal" })).toBeVisible();
  await expectStructure(page, /^MIMS Portal \| /);
  await expect(page.getByRole("navigation", { name: "Main menu" })).toBeVisible();
  await tabTo(page, "Set up security questions");
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "Setup Security Questions" })).toBeVisible();
  await expectStructure(page, /^Setup Security Questions \| /);
  // Sent empty: focus moves to the summary, which links to each field.
  await tabTo(page, "Save Answers");
  await page.keyboard.press("Enter");
  const summary = page.getByRole("heading", { name: "There is a problem" }).locator("..");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveCount(6);
  await expect(summary).toMatchAriaSnapshot(`
    - heading "There is a problem" [level=2]
    - list:
      - listitem:
        - link "Please choose a question."
      - listitem:
        - link "Please fill this in."
  `);
  await tabTo(page, "Please choose a question.");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Question 1")).toBeFocused();
  await expect(page.getByLabel("Question 1")).toHaveAccessibleDescription("Please choose a question.");
  // Arrows choose in a list, without a mouse.
  const choose = async (position: number, question: string, answer: string) => {
    const list = page.getByLabel(`Question ${position}`);
    await list.focus();
    const ids = await list.locator("option").evaluateAll((options) => options.map((o) => o.textContent));
    for (let i = 0; i < ids.indexOf(question); i++) await page.keyboard.press("ArrowDown");
    await expect(list.locator("option:checked")).toHaveText(question);
    await tabTo(page, `Answer ${position}`);
    await page.keyboard.type(answer);
  };
  const chosen = Object.entries(ANSWERS);
  for (const [i, [question, answer]] of chosen.entries()) await choose(i + 1, question, answer);
  // The whole question shows, even where the list would cut it on a phone.
  await expect(page.getByTestId("question3-text")).toHaveText("What is your favourite toy?");
  await tabTo(page, "Save Answers");
  await page.keyboard.press("Space");
  await expect(
    page.getByRole("status").filter({ hasText: "Your security answers are saved." }),
  ).toBeVisible();
  await tabTo(page, "Log Out");
  await page.keyboard.press("Enter");

  // The whole reset.
  await expect(page.getByRole("heading", { name: "Log In" })).toBeVisible();
  await tabTo(page, "Forgot Password?");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await expectStructure(page, /^Reset your password \| /);
  await expect(page.locator("main")).toMatchAriaSnapshot(`
    - paragraph: Self Service Password Reset
    - heading "Reset your password" [level=1]
    - text: Login ID
    - paragraph: "Type your Login ID: your username, or your student e-mail address."
    - textbox "Login ID"
    - button "Search"
    - paragraph:
      - link "Back to Log In"
  `);
  await tabTo(page, "Login ID");
  await page.keyboard.type(DANIEL.loginId);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Forgotten Password" })).toBeVisible();
  await expectStructure(page, /^Forgotten Password \| /);
  await expect(page.locator("main")).toMatchAriaSnapshot(`
    - paragraph: Self Service Password Reset
    - heading "Forgotten Password" [level=1]
    - paragraph: /If you answer these questions correctly/
    - textbox /What is your favourite/
    - textbox /What is your favourite/
    - button "Check Answers"
  `);
  for (let i = 0; i < 2; i++) {
    const question = (await tabTo(page, /^What is your favourite/)).at(-1)!;
    await page.keyboard.type(ANSWERS[question]!);
  }
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "Change Password" })).toBeVisible();
  await expectStructure(page, /^Change Password \| /);
  await expect(page.locator("main")).toMatchAriaSnapshot(`
    - paragraph: Self Service Password Reset
    - heading "Change Password" [level=1]
    - paragraph: /Please change your password/
    - paragraph: "Your new password must meet the following requirements:"
    - list "Password requirements":
      - listitem: /case sensitive/
      - listitem: /at least 12 characters/
      - listitem: /first character/
      - listitem: /part of your name/
      - listitem: /three types/
    - paragraph: Please type your new password
    - text: New Password
    - paragraph: Think of a new password
    - textbox "New Password"
    - button "Show password"
    - text: Confirm Password
    - paragraph: Retype your new password
    - textbox "Confirm Password"
    - button "Show password"
    - button "Change Password"
    - button "Cancel"
  `);
  await tabTo(page, "New Password");
  await page.keyboard.type("Hamster-Orange-Top-88");
  await tabTo(page, "Confirm Password");
  await page.keyboard.type("Hamster-Orange-Top-88");
  await tabTo(page, "Change Password");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Password changed" })).toBeVisible();
  await expectStructure(page, /^Password changed \| /);
  await expect(page.getByRole("status")).toHaveText(/Your password has been changed/);
  await expect(page.locator("main")).toMatchAriaSnapshot(`
    - paragraph: Self Service Password Reset
    - heading "Password changed" [level=1]
    - status: Your password has been changed. You can now log in with your new password.
    - button "Continue"
  `);

  // Three wrong tries: the locked page, announced, with the way to reach the school.
  await page.goto("/sspr/search");
  await tabTo(page, "Login ID");
  await page.keyboard.type(DANIEL.loginId);
  await page.keyboard.press("Enter");
  for (let i = 0; i < 3; i++) {
    await expect(page.getByRole("button", { name: "Check Answers" })).toBeVisible();
    for (let box = 0; box < 2; box++) {
      await tabTo(page, /^What is your favourite/);
      await page.keyboard.type(`not it ${i}`);
    }
    await page.keyboard.press("Enter");
    if (i < 2)
      await expect(page.getByRole("heading", { name: "There is a problem" }).locator("..")).toBeFocused();
  }
  await expect(page.getByRole("heading", { name: "Account locked" })).toBeVisible();
  await expectStructure(page, /^Account locked \| /);
  await expect(
    page.getByRole("alert").filter({ hasText: "locked because of too many wrong attempts" }),
  ).toBeVisible();
  await expect(page.locator("main")).toMatchAriaSnapshot(`
    - paragraph: Self Service Password Reset
    - heading "Account locked" [level=1]
    - alert: /locked because of too many wrong attempts/
    - paragraph: /Please inform the school via e-mail/
  `);
  await expectAccessible(page);
  const stops = await tabTo(page, /Show e-mail address|@/);
  expect(stops.length).toBeGreaterThan(0);
});

test("paste and password managers work, and the Show button reveals what was typed", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/login");
  await expect(page.getByLabel("Login ID")).toHaveAttribute("autocomplete", "username");
  const password = page.getByLabel("Password", { exact: true });
  await expect(password).toHaveAttribute("autocomplete", "current-password");
  await page.evaluate(() => navigator.clipboard.writeText("Pasted-Secret-2027"));
  await password.focus();
  await page.keyboard.press("Control+V");
  await expect(password).toHaveValue("Pasted-Secret-2027");
  const show = page.getByRole("button", { name: "Show password" });
  await show.click();
  await expect(password).toHaveAttribute("type", "text");
  await expect(page.getByRole("button", { name: "Hide password" })).toBeVisible();
  await page.getByRole("button", { name: "Hide password" }).click();
  await expect(password).toHaveAttribute("type", "password");

  // The reset's new password: the manager saves it against the right Login ID.
  await page.goto("/sspr/search");
  await expect(page.getByLabel("Login ID")).toHaveAttribute("autocomplete", "username");
});

test("the checklist is read out politely when typing pauses, not at every key", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Login ID").fill("farah_aziz");
  await page.getByLabel("Password", { exact: true }).fill("Coconut-Lighthouse-6");
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByRole("heading", { name: "MIMS Portal" })).toBeVisible();
  await page.goto("/change-password");
  const progress = page.getByTestId("policy-progress");
  await expect(progress).toHaveAttribute("aria-live", "polite");
  await page.getByLabel("New Password").pressSequentially("Kite", { delay: 50 });
  // Still typing: nothing is said yet.
  await expect(progress).toHaveText("");
  await expect(progress).toHaveText("2 of 4 requirements met.");
  await page.getByLabel("New Password").pressSequentially("-Flying-High-2027", { delay: 30 });
  await expect(progress).toHaveText("All the requirements are met.");
});

const PAGES = [
  "/login",
  "/sspr",
  "/sspr/search",
  "/sspr/done",
  "/sspr/change",
  "/sspr/guardian",
  "/sspr/guardian/code",
];

test("every page reflows at 320 px and with text twice as large, with targets of 24 px or more", async ({
  page,
  context,
}) => {
  const targets = async () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>("a, button, input, select, summary"))
        .filter((el) => !el.closest(".sr-only") && (el as HTMLInputElement).type !== "hidden")
        .map((el) => ({
          el: `${el.tagName} ${el.textContent?.trim() || el.getAttribute("name")}`,
          box: el.getBoundingClientRect(),
        }))
        .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
        .map(({ el, box }) => `${el}: ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of PAGES) {
    await page.goto(path);
    await expectNoOverflow(page);
    expect(await targets(), path).toEqual([]);
  }
  // The setup page, with the longest question chosen.
  await page.goto("/login");
  await page.getByLabel("Login ID").fill("farah_aziz");
  await page.getByLabel("Password", { exact: true }).fill("Coconut-Lighthouse-6");
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByRole("heading", { name: "MIMS Portal" })).toBeVisible();
  await page.goto("/setup-questions");
  await page
    .getByLabel("Question 1")
    .selectOption({ label: "What is your favourite cartoon hero/pop group?" });
  await expect(page.getByTestId("question1-text")).toHaveText(
    "What is your favourite cartoon hero/pop group?",
  );
  await expectNoOverflow(page);
  expect(await targets()).toEqual([]);

  // Text twice as large (the phone's own text size setting), at 360 px.
  await page.setViewportSize({ width: 360, height: 740 });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
  for (const path of [...PAGES, "/", "/setup-questions", "/change-password"]) {
    await page.goto(path);
    const size = await page.locator("h1").evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
    expect(size, path).toBeGreaterThanOrEqual(48);
    await expectNoOverflow(page);
  }
});
