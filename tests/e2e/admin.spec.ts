import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { adminSignIn } from "./admin-sign-in";
import { expectAccessible, LoginPage, PortalPage } from "./pages";

const PRIYA = { loginId: "priya_nair", password: "Rainbow-Pencil-31" };

test("the school finds a student and resets her password: her devices are signed out", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // Priya is signed in on a school laptop.
  const laptop = await (await browser.newContext()).newPage();
  await new LoginPage(laptop).open();
  await new LoginPage(laptop).logIn(PRIYA.loginId, PRIYA.password);
  await expect(laptop.getByRole("heading", { name: "MIMS Portal" })).toBeVisible();

  await adminSignIn(page, "clementi_admin");
  // Siti, the only one in P5 Integrity, has set up her questions: the bar is full.
  const integrity = page
    .getByRole("region", { name: "Security questions by class" })
    .getByRole("meter", { name: "P5 Integrity" });
  await expect(integrity).toHaveAccessibleName("P5 Integrity 1 of 1 set up");
  await expect(integrity).toHaveAttribute("value", "1");
  await expect(integrity).toHaveAttribute("max", "1");
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

test("the school reads its audit log as a table, filters it and exports it as CSV", async ({ page }) => {
  // Through a proxy (TRUST_PROXY_HOPS=1 in these tests) that saw an IPv4 client on a dual-stack
  // socket, as ::ffff:… : the log shows the IPv4 address.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "::ffff:203.0.113.77" });
  await adminSignIn(page, "clementi_admin");
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Audit log" }),
  ).toHaveAttribute("aria-current", "page");
  await page.getByLabel("Done by administrator").selectOption({ label: "Clementi MIMS Administrator" });
  await page.getByLabel("Action").selectOption({ label: "Signed in" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("status")).toHaveText(/^\d+ lines?\./);
  const table = page.getByRole("table", { name: "Audit log, newest first" });
  await expect(table.getByRole("columnheader")).toHaveText([
    "When",
    "Action",
    "Account",
    "Done by",
    "Address",
  ]);
  // The administrator's own sign-in is done by the administrator, by name: not "by the student".
  await expect(table.getByRole("row").nth(1).getByRole("cell")).toHaveText([
    "Signed in",
    "Clementi MIMS Administrator (clementi_admin)",
    "Clementi MIMS Administrator",
    /\S/,
  ]);
  await expect(table).not.toContainText("the student");
  await expect(table.getByRole("row").filter({ hasText: "203.0.113.77" }).first()).toBeVisible();
  await expect(table).not.toContainText("::ffff:");
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
  await expect(coverage.getByText("0 of 2 set up")).toBeVisible();
  // The bar shows the share: none of two is an empty bar (an inline style, which the CSP refuses,
  // once drew it full).
  const respect = coverage.getByRole("meter", { name: "P3 Respect" });
  await expect(respect).toHaveAccessibleName("P3 Respect 0 of 2 set up");
  await expect(respect).toHaveAttribute("value", "0");
  await expect(respect).toHaveAttribute("max", "2");
  const activity = page.getByRole("region", { name: "The last 30 days" });
  await expect(activity.getByText(/^\d+ password resets, \d+ locks, \d+ unlocks\.$/)).toBeVisible();
  await activity.getByText("Show the numbers, day by day").click();
  await expect(activity.locator("tbody tr")).toHaveCount(30);
  await expectAccessible(page);

  await coverage.getByRole("link", { name: "Who in P3 Respect has not set up questions" }).click();
  await expect(page.getByLabel("Show")).toHaveValue("noQuestions");
  await expect(page.getByRole("link", { name: "Lim Wei Jie" })).toBeVisible();
});

/** How far the page reaches past the window's width (0: nothing to scroll sideways). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("the school's pages fit a phone, and use a desk's width", async ({ page }) => {
  await adminSignIn(page, "jurongwest_admin");
  await page.goto("/admin?q=lim_wei_jie");
  const studentPath = await page.getByRole("link", { name: "Lim Wei Jie" }).getAttribute("href");
  // 360 px: nothing runs off the side; the audit log's table scrolls in its own box.
  for (const path of ["/admin", "/admin/audit", studentPath!, "/admin/import", "/admin/yearly-reset"]) {
    await page.goto(path);
    await expect(page.getByRole("navigation", { name: "Main menu" })).toBeVisible();
    expect(await overflow(page), path).toBeLessThanOrEqual(0);
  }
  // The page's grey reaches the bottom of the window, below the last card too.
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).not.toBe("rgba(0, 0, 0, 0)");

  // On a desk the school's pages take the width; the pages families meet keep their column.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/admin/audit");
  expect((await page.getByRole("main").boundingBox())!.width).toBeGreaterThan(1000);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await page.goto("/sspr");
  expect((await page.getByRole("main").boundingBox())!.width).toBeLessThanOrEqual(672);
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
