import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// Page objects: elements are found by role and accessible name, as a person finds them.

export async function expectAccessible(page: Page) {
  // Next streams a dynamic page's title: wait for it before judging the page.
  await expect(page).toHaveTitle(/MIMS/);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

export class LoginPage {
  constructor(private readonly page: Page) {}

  /** Every input of the Log In form with the given fields filled in: what a browser without
   *  JavaScript posts, for hand-made requests. */
  async formFields(fields: Record<string, string>): Promise<Record<string, string>> {
    await this.open();
    const inputs = await this.page
      .locator("form input")
      .evaluateAll((elements) =>
        elements.map((input): [string, string] => [
          (input as HTMLInputElement).name,
          (input as HTMLInputElement).value,
        ]),
      );
    return { ...Object.fromEntries(inputs), ...fields };
  }
  async open() {
    await this.page.goto("/login");
    await expect(this.page.getByRole("heading", { name: "Log In" })).toBeVisible();
  }
  async logIn(loginId: string, password: string) {
    await this.page.getByLabel("Login ID").fill(loginId);
    await this.page.getByLabel("Password", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Log In" }).click();
  }
}

export class PortalPage {
  constructor(private readonly page: Page) {}
  async logOut() {
    await this.page.getByRole("button", { name: "Log Out" }).click();
    await expect(this.page.getByRole("heading", { name: "Log In" })).toBeVisible();
  }
  async setUpQuestions(choices: [string, string][], currentPassword?: string) {
    await this.page.getByRole("link", { name: "Setup Security Question" }).click();
    await expect(this.page.getByRole("heading", { name: "Setup Security Questions" })).toBeVisible();
    for (const [i, [question, answer]] of choices.entries()) {
      await this.page.getByLabel(`Question ${i + 1}`).selectOption({ label: question });
      await this.page.getByLabel(`Answer ${i + 1}`).fill(answer);
    }
    if (currentPassword) await this.page.getByLabel("Current Password").fill(currentPassword);
    await this.page.getByRole("button", { name: "Save Answers" }).click();
  }
}

let wrongAnswers = 0;

export class ResetPages {
  constructor(private readonly page: Page) {}
  async search(loginId: string) {
    await this.page.goto("/sspr");
    await this.page.getByRole("link", { name: "Forgot Password?" }).click();
    await this.page.getByLabel("Login ID").fill(loginId);
    await expect(this.page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
    await this.page.getByRole("button", { name: "Search" }).click();
  }
  /** The two questions asked, by the labels of their answer boxes. */
  async questionsAsked(): Promise<string[]> {
    await expect(this.page.getByRole("heading", { name: "Forgotten Password" })).toBeVisible();
    await expect(this.page.getByRole("button", { name: "Check Answers" })).toBeVisible();
    const labels = await this.page.locator("form label").allTextContents();
    return labels.map((label) => label.trim());
  }
  async answer(answers: Record<string, string>) {
    for (const question of await this.questionsAsked()) {
      // A wrong answer of its own each time: the same wrong answers again count once.
      await this.page.getByLabel(question).fill(answers[question] ?? `wrong answer ${++wrongAnswers}`);
    }
    await this.page.getByRole("button", { name: "Check Answers" }).click();
  }
  async changePassword(newPassword: string, confirm = newPassword) {
    await expect(this.page.getByRole("heading", { name: "Change Password" })).toBeVisible();
    await this.page.getByLabel("New Password").fill(newPassword);
    await this.page.getByLabel("Confirm Password").fill(confirm);
    await this.page.getByRole("button", { name: "Change Password" }).click();
  }
}

export class SecondFactorPages {
  constructor(private readonly page: Page) {}
  async expectCodePage() {
    await expect(this.page.getByRole("heading", { name: "Second factor" })).toBeVisible();
  }
  async enterCode(code: string) {
    await this.page.getByRole("textbox", { name: "6-digit code" }).fill(code);
    await this.page.getByRole("button", { name: "Verify" }).click();
  }
  async enterRecoveryCode(code: string) {
    await this.page.getByRole("textbox", { name: "Recovery code" }).fill(code);
    await this.page.getByRole("button", { name: "Use recovery code" }).click();
  }
  /** The enrolment page's key, as a person would copy it into an app (spaces dropped). */
  async enrolmentSecret(): Promise<string> {
    await expect(this.page.getByRole("heading", { name: "Set up your second factor" })).toBeVisible();
    return (await this.page.getByTestId("totp-secret").textContent())!.replace(/\s+/g, "");
  }
  async confirmEnrolment(code: string) {
    await this.page.getByRole("textbox", { name: "6-digit code" }).fill(code);
    await this.page.getByRole("button", { name: "Confirm" }).click();
  }
  async recoveryCodes(): Promise<string[]> {
    const list = this.page.getByRole("list", { name: "Your recovery codes" });
    await expect(list).toBeVisible();
    return (await list.getByRole("listitem").allTextContents()).map((code) => code.trim());
  }
}

/** A field's error, which a refused form shows twice: beside its field, and as a link in the error
 *  summary at the top of the form (`count` fields with the same error). */
export async function expectFieldError(page: Page, error: string, count = 1) {
  await expect(page.getByRole("link", { name: error })).toHaveCount(count);
  await expect(page.locator('[id$="-error"]').filter({ hasText: error })).toHaveCount(count);
  await expect(page.locator('[id$="-error"]').filter({ hasText: error }).first()).toBeVisible();
}

/** No element sticks out of the page or cuts its own text at this width. */
export async function expectNoOverflow(page: Page) {
  const offenders = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width)
      found.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      if (el.closest(".sr-only") || el.tagName === "OPTION" || el.tagName === "SCRIPT") continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const name = `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
      if (box.right > width + 0.5 || box.left < -0.5)
        found.push(`${name} reaches ${Math.round(box.left)}..${Math.round(box.right)}`);
      else if (
        !["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName) &&
        el.scrollWidth > el.clientWidth + 1 &&
        el.clientWidth > 0
      )
        found.push(`${name} cuts its text: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return found;
  });
  expect(offenders).toEqual([]);
}
