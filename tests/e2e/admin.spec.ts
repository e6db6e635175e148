import { expect, test } from "@playwright/test";
import { adminSignIn } from "./admin-sign-in";
import { expectAccessible, LoginPage, PortalPage } from "./pages";

const PRIYA = { loginId: "priya_nair", password: "Rainbow-Pencil-31" };

test("the school finds a student and resets her password: her devices are signed out", async ({
  page,
  browser,
}) => {
  // Priya is signed in on a school laptop.
  const laptop = await (await browser.newContext()).newPage();
  await new LoginPage(laptop).open();
  await new LoginPage(laptop).logIn(PRIYA.loginId, PRIYA.password);
  await expect(laptop.getByRole("heading", { name: "MIMS Portal" })).toBeVisible();

  await adminSignIn(page, "clementi_admin");
  await page.getByLabel("Name, Login ID, class or e-mail").fill("harmony");
  await page.getByLabel("Show").selectOption({ label: "Security questions not set up" });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("status")).toHaveText("1 student found.");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Priya Nair" }).click();

  await expect(page.getByRole("heading", { name: "Priya Nair" })).toBeVisible();
  await expect(page.getByText("P2 Harmony")).toBeVisible();
  await expect(page.getByText("Not set up")).toBeVisible();
  await expectAccessible(page);
  const studentUrl = page.url();
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByText("The password of Priya Nair is reset.")).toBeVisible();
  const temporary = (await page.getByTestId("temporary-password").textContent())!.trim();
  expect(temporary).toMatch(/^([A-Z][a-z]+-){3}\d\d$/);
  await expectAccessible(page);
  // Shown once: the page itself does not hold it.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Priya Nair" })).toBeVisible();
  await expect(page.getByText(temporary)).toHaveCount(0);
  await expect(page.getByText("Must change password")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Password reset by the school" })).toBeVisible();

  // The laptop's session ended with the reset; the old password is refused.
  await laptop.reload();
  await expect(laptop.getByRole("heading", { name: "Log In" })).toBeVisible();
  await new LoginPage(laptop).logIn(PRIYA.loginId, PRIYA.password);
  await expect(laptop.getByText("The Login ID or password is not correct.")).toBeVisible();

  // Disabled, even the temporary password opens nothing; enabled again, it does.
  await page.getByRole("button", { name: "Disable account" }).click();
  await expect(page.getByText("The account of Priya Nair is disabled.")).toBeVisible();
  await new LoginPage(laptop).logIn(PRIYA.loginId, temporary);
  await expect(laptop.getByText("The Login ID or password is not correct.")).toBeVisible();
  await page.getByRole("button", { name: "Enable account" }).click();
  await expect(page.getByText("The account of Priya Nair is enabled.")).toBeVisible();
  await expectAccessible(page);
  await new PortalPage(page).logOut();

  await new LoginPage(laptop).logIn(PRIYA.loginId, temporary);
  await expect(laptop.getByRole("heading", { name: "Change Password" })).toBeVisible();
  await expect(laptop.getByText("Your school has reset your password.")).toBeVisible();

  // Another school's administrator gets the plain 404 for her page, and cannot find her.
  await adminSignIn(page, "jurongwest_admin");
  const response = await page.goto(studentUrl);
  expect(response?.status()).toBe(404);
  await page.goto("/admin?q=priya");
  await expect(page.getByRole("status")).toHaveText("0 students found.");
});

test("the school reads its audit log, filters it and exports it as CSV", async ({ page }) => {
  await adminSignIn(page, "clementi_admin");
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await page.getByLabel("Done by administrator").selectOption({ label: "Clementi MIMS Administrator" });
  await page.getByLabel("Action").selectOption({ label: "Signed in" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("status")).toHaveText(/^\d+ lines?\./);
  await expect(page.getByRole("listitem").first()).toContainText("Signed in");
  await expect(page.getByRole("listitem").first()).toContainText("Clementi MIMS Administrator");
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export as CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(csv)
    .toString("utf8")
    .replace(/^\ufeff/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toBe('"When (UTC)","Action","Login ID","Student","Done by","Address"');
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line).toContain('"sign_in","clementi_admin"');
  await new PortalPage(page).logOut();

  // A student gets the plain 404 for the page and for the export.
  const login = new LoginPage(page);
  await login.logIn("lim_wei_jie", "Green-Paper-Boat-5");
  await expect(page.getByRole("heading", { name: "MIMS Portal" })).toBeVisible();
  expect((await page.goto("/admin/audit"))?.status()).toBe(404);
  expect((await page.request.get("/admin/audit/export")).status()).toBe(404);
});

test("the dashboard shows question set-up by class and the last 30 days, and leads to who is not covered", async ({
  page,
}) => {
  await adminSignIn(page, "jurongwest_admin");
  const coverage = page.getByRole("region", { name: "Security questions by class" });
  await expect(coverage.getByText("P3 Respect", { exact: true })).toBeVisible();
  await expect(coverage.getByText("0 of 1 set up")).toBeVisible();
  const activity = page.getByRole("region", { name: "The last 30 days" });
  await expect(activity.getByText(/^\d+ password resets, \d+ locks, \d+ unlocks\.$/)).toBeVisible();
  await activity.getByText("Show the numbers, day by day").click();
  await expect(activity.locator("tbody tr")).toHaveCount(30);
  await expectAccessible(page);

  await coverage.getByRole("link", { name: "Who in P3 Respect has not set up questions" }).click();
  await expect(page.getByLabel("Show")).toHaveValue("noQuestions");
  await expect(page.getByRole("link", { name: "Lim Wei Jie" })).toBeVisible();
});

test("without a session, the administration's pages send to Log In and its export gives nothing", async ({
  page,
}) => {
  for (const path of ["/admin", "/admin/audit", "/admin/students/1", "/admin/schools", "/admin/import"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Log In" }), path).toBeVisible();
  }
  expect((await page.request.get("/admin/audit/export", { maxRedirects: 0 })).status()).toBe(404);
});
