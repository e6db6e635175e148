// Administrators' later sign-ins: the password alone opens nothing of the administration; a code
// from the app (never the same one twice) or a recovery code (each once) does.
import type { Browser } from "@playwright/test";
import { expect, test } from "./test";
import { adminSignIn, ADMINS, enrolmentOf, withFreshCode } from "./admin-sign-in";
import { expectAccessible, LoginPage, PortalPage, SecondFactorPages } from "./pages";

async function passwordOnly(browser: Browser, loginId: keyof typeof ADMINS) {
  const page = await (await browser.newContext()).newPage();
  await new LoginPage(page).open();
  await new LoginPage(page).logIn(loginId, ADMINS[loginId]);
  await new SecondFactorPages(page).expectCodePage();
  return page;
}

test("a later sign-in asks for the app's code, and the same code does not open a second session", async ({
  page,
  browser,
}) => {
  const login = new LoginPage(page);
  await login.open();
  await login.logIn("clementi_admin", ADMINS.clementi_admin);
  const secondFactor = new SecondFactorPages(page);
  await secondFactor.expectCodePage();
  await expectAccessible(page);
  await secondFactor.enterCode("12345");
  await expect(page.getByText("Type the 6 digits of the code.")).toBeVisible();

  let used = "";
  await withFreshCode("clementi_admin", async (code) => {
    used = code;
    await secondFactor.enterCode(code);
    await expect(page.getByRole("heading", { name: "School administration" })).toBeVisible();
  });

  // Someone who saw the code over the shoulder, and knows the password, is refused with it.
  const other = await passwordOnly(browser, "clementi_admin");
  await new SecondFactorPages(other).enterCode(used);
  await expect(other.getByText("This code has already been used.")).toBeVisible();
  await other.goto("/admin");
  await expect(other.getByRole("heading", { name: "Second factor" })).toBeVisible();
  await other.context().close();
});

test("a recovery code opens one sign-in, and only once", async ({ page }) => {
  const [code] = enrolmentOf("jurongwest_admin").recoveryCodes;
  const login = new LoginPage(page);
  await login.open();
  await login.logIn("jurongwest_admin", ADMINS.jurongwest_admin);
  const secondFactor = new SecondFactorPages(page);
  await secondFactor.expectCodePage();
  await secondFactor.enterRecoveryCode(code!.toUpperCase());
  await expect(page.getByRole("heading", { name: "School administration" })).toBeVisible();
  await new PortalPage(page).logOut();

  await login.logIn("jurongwest_admin", ADMINS.jurongwest_admin);
  await secondFactor.expectCodePage();
  await secondFactor.enterRecoveryCode(code!);
  await expect(page.getByText("This code is not correct. 4 tries left.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Recovery code" })).toHaveAttribute("aria-invalid", "true");
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "School administration" })).toHaveCount(0);
});

test("five wrong codes log the session out", async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.logIn("jurongwest_admin", ADMINS.jurongwest_admin);
  const secondFactor = new SecondFactorPages(page);
  for (let left = 4; left >= 1; left--) {
    await secondFactor.enterRecoveryCode("zzzzz-zzzzz");
    await expect(
      page.getByText(`This code is not correct. ${left} ${left === 1 ? "try" : "tries"} left.`),
    ).toBeVisible();
  }
  await secondFactor.enterRecoveryCode("zzzzz-zzzzz");
  await expect(page.getByRole("heading", { name: "Log In" })).toBeVisible();
  await expect(page.getByText("Too many wrong codes: you have been logged out.")).toBeVisible();
  const response = await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Log In" })).toBeVisible();
  expect(response?.ok()).toBe(true);
});

test("a password-only session gets nothing from the pages, the actions or the export", async ({
  page,
  browser,
}) => {
  // The school's trusted session finds Nurul's page and the form that would disable her account.
  await adminSignIn(page, "clementi_admin");
  await page.getByLabel("Name, Login ID, class or e-mail").fill("nurul");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Nurul Huda binte Ahmad" }).click();
  await expect(page.getByRole("heading", { name: "Nurul Huda binte Ahmad" })).toBeVisible();
  const studentUrl = new URL(page.url()).pathname;
  const disableForm = page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Disable account" }) });
  const fields = await disableForm
    .locator("input")
    .evaluateAll((inputs) =>
      inputs.map((i): [string, string] => [(i as HTMLInputElement).name, (i as HTMLInputElement).value]),
    );

  const stranger = await passwordOnly(browser, "clementi_admin");
  for (const path of ["/admin", studentUrl, "/admin/audit", "/change-password"]) {
    await stranger.goto(path);
    await expect(stranger.getByRole("heading", { name: "Second factor" }), path).toBeVisible();
    await expect(stranger.getByText("Nurul Huda"), path).toHaveCount(0);
  }
  const exported = await stranger.request.get("/admin/audit/export", { maxRedirects: 0 });
  expect(exported.status()).toBe(303);
  expect(exported.headers()["location"]).toBe("/admin/second-factor");
  expect(await exported.text()).not.toContain("When (UTC)");

  // The disable form, posted by the password-only session as a browser without JavaScript would.
  const posted = await stranger.request.post(studentUrl, {
    multipart: Object.fromEntries(fields),
    headers: { origin: new URL(stranger.url()).origin },
    maxRedirects: 0,
  });
  expect(await posted.text()).not.toContain("is disabled");
  await page.reload();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Account disabled" })).toHaveCount(0);
  await stranger.context().close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the code page still works: a wrong code is told next to the field, a right one opens the administration", async ({
    page,
  }) => {
    const login = new LoginPage(page);
    await login.open();
    await login.logIn("jurongwest_admin", ADMINS.jurongwest_admin);
    const secondFactor = new SecondFactorPages(page);
    await secondFactor.expectCodePage();
    await secondFactor.enterRecoveryCode("zzzzz-zzzzz");
    await expect(page.getByText("This code is not correct. 4 tries left.")).toBeVisible();
    await withFreshCode("jurongwest_admin", async (code) => {
      await secondFactor.enterCode(code);
      await expect(page.getByRole("heading", { name: "School administration" })).toBeVisible();
    });
  });
});
