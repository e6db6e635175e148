// Story: Ryan forgot his answers. His school, Jurong West, turns on the guardian's approval; at
// Forgot Password? he follows "Ask my parent or guardian" and types his Login ID. A code goes to
// his guardian's e-mail on file (read here from a real SMTP server the app sends to), never to his
// own address, and no page shows or hints at the guardian's address. He types the code, chooses a
// new password and signs in with it; the code works once. An unknown Login ID meets the same page
// and words. The school turns the approval off again at the end.
import type { Page } from "@playwright/test";
import { startMailServer, type MailServer } from "../integration/mail-server";
import { adminSignIn } from "./admin-sign-in";
import { MAIL_SINK_PORT } from "./mail-sink";
import { expectAccessible, LoginPage } from "./pages";
import { expect, test } from "./test";

const GUARDIAN = "koh.family@parents.example";
const STUDENT_EMAIL = "ryan_koh@students.jurongwest-ps.example";
const NEW_PASSWORD = "Lychee-Bridge-Night-62";
const SENT = "If an e-mail address is on file for your parent or guardian, the code has been sent to it.";

let sink: MailServer;

test.beforeAll(async () => {
  sink = await startMailServer({ port: MAIL_SINK_PORT });
});

test.afterAll(async () => {
  await sink.close();
});

/** Asks for the guardian's approval for `loginId`, from the reset path's first page. */
async function askGuardian(page: Page, loginId: string) {
  await page.goto("/sspr/search");
  await page.getByRole("link", { name: "Ask my parent or guardian" }).click();
  await expect(page.getByRole("heading", { name: "Ask your parent or guardian" })).toBeVisible();
  await page.getByLabel("Login ID").fill(loginId);
  await page.getByRole("button", { name: "Send Code" }).click();
  await expect(
    page.getByRole("heading", { name: "Use the code from your parent or guardian" }),
  ).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: SENT })).toBeVisible();
}

/** Nothing the browser got names the guardian's address, or any address. */
async function expectNoAddress(page: Page) {
  expect(await page.locator("main").innerText()).not.toContain("@");
  const html = await page.content();
  for (const part of [GUARDIAN, "koh.family", "parents.example"]) expect(html).not.toContain(part);
}

test("the school turns on the guardian's approval, and the child resets with the code from the guardian's e-mail", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await (await browser.newContext()).newPage();
  await adminSignIn(admin, "jurongwest_admin");
  await admin.getByRole("link", { name: "School settings" }).click();
  await expect(admin.getByRole("heading", { name: "School settings" })).toBeVisible();
  await expect(admin.getByText("Guardian's approval is off.")).toBeVisible();
  await admin.getByRole("button", { name: "Turn on guardian's approval" }).click();
  await expect(admin.getByText("Guardian's approval is now on for this school.")).toBeVisible();
  await expect(admin.getByText("Guardian's approval is on.")).toBeVisible();
  await expectAccessible(admin);

  const child = await (
    await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.81" } })
  ).newPage();
  // A Login ID nobody has: the same pages and words, and nothing sent.
  await askGuardian(child, "nobody_by_this_name");
  await expectNoAddress(child);

  await askGuardian(child, "ryan_koh");
  await expect(child.getByLabel("Login ID")).toHaveValue("ryan_koh");
  await expectNoAddress(child);
  await expectAccessible(child);

  // The code reaches the guardian's address, and only there.
  const toGuardian = () => sink.accepted.filter((mail) => mail.rcptTo.includes(GUARDIAN));
  await expect.poll(() => toGuardian().length, { timeout: 60_000 }).toBe(1);
  const code = /\bCode: ([A-Z0-9]{3}-[A-Z0-9]{3})\n/.exec(toGuardian()[0]!.text)?.[1];
  expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
  expect(sink.accepted.filter((mail) => mail.text.includes(code!)).map((mail) => mail.rcptTo)).toEqual([
    [GUARDIAN],
  ]);
  expect(sink.accepted.filter((mail) => mail.rcptTo.includes(STUDENT_EMAIL))).toEqual([]);

  // A wrong code: the same words as any wrong code, next to the form.
  const codeField = child.getByLabel("Code from the e-mail");
  await codeField.fill(code === "KMN-479" ? "KMN-476" : "KMN-479");
  await child.getByRole("button", { name: "Use Code" }).click();
  await expect(child.getByText("The Login ID or the code is not correct.")).toBeVisible();
  await expect(child.getByRole("heading", { name: "There is a problem" }).locator("..")).toBeFocused();
  await expectAccessible(child);

  // The right one, typed as a child types it.
  await codeField.fill(code!.toLowerCase().replace("-", " "));
  await child.getByRole("button", { name: "Use Code" }).click();
  await expect(child.getByRole("heading", { name: "Change Password" })).toBeVisible();
  await child.getByLabel("New Password").fill(NEW_PASSWORD);
  await child.getByLabel("Confirm Password").fill(NEW_PASSWORD);
  await child.getByRole("button", { name: "Change Password" }).click();
  await expect(child.getByRole("heading", { name: "Password changed" })).toBeVisible();

  // Once only.
  await child.goto("/sspr/guardian/code");
  await child.getByLabel("Login ID").fill("ryan_koh");
  await codeField.fill(code!);
  await child.getByRole("button", { name: "Use Code" }).click();
  await expect(child.getByText("The Login ID or the code is not correct.")).toBeVisible();

  // The new password signs in.
  const login = new LoginPage(child);
  await login.open();
  await login.logIn("ryan_koh", NEW_PASSWORD);
  await expect(child.getByRole("heading", { name: "MIMS Portal" })).toBeVisible();

  // Nobody's code went anywhere else: the unknown Login ID's request sent nothing.
  expect(sink.accepted.filter((mail) => /\bCode: /.test(mail.text))).toHaveLength(1);

  await admin.reload();
  await admin.getByRole("button", { name: "Turn off guardian's approval" }).click();
  await expect(admin.getByText("Guardian's approval is now off for this school.")).toBeVisible();
});
