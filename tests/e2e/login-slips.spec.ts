// The login slips are handed out once, and only when the administrator asks for them: opening
// their page (another site's link, a prefetch, a reload, a second tab) takes nothing; its button
// does, and a second press anywhere says when they were taken. Their address carries a random id.
import { expect, test } from "./test";
import { cohort } from "../fixtures/cohort";
import { adminSignIn } from "./admin-sign-in";
import { CohortPages } from "./cohort-pages";
import { expectAccessible, LoginPage } from "./pages";

const SHOW = "Show and print the login slips";
/** What a temporary password looks like (lib/passwords/temporary.ts). */
const TEMPORARY = /([A-Z][a-z]+-){3}\d\d/;

test("opening the slips' page takes nothing; its button shows them once", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const students = cohort("e2eslip", 2);
  const pages = new CohortPages(page);
  await adminSignIn(page, "clementi_admin");
  await pages.upload(students);
  const progressUrl = await pages.confirmAndWait();
  // A random id in the address, not a number that counts up.
  expect(new URL(progressUrl).pathname).toMatch(
    /^\/admin\/slips\/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/,
  );
  const printUrl = `${progressUrl}/print`;

  // Plain GETs with the administrator's cookies: another site's link, a browser's prefetch.
  const plainGets: Record<string, string>[] = [
    { "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", Referer: "https://evil.example/" },
    { "Sec-Purpose": "prefetch", Purpose: "prefetch" },
  ];
  for (const headers of plainGets) {
    const response = await page.request.get(printUrl, { headers });
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain(SHOW);
    expect(html).not.toMatch(TEMPORARY);
  }
  // Opened from another site's link, and reloaded: the button, and no slip.
  await page.goto(printUrl, { referer: "https://evil.example/" });
  await expect(page.getByRole("button", { name: SHOW })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: SHOW })).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(0);
  await expectAccessible(page);
  // A second tab open on the same page.
  const otherTab = await page.context().newPage();
  await otherTab.goto(printUrl);
  await expect(otherTab.getByRole("button", { name: SHOW })).toBeVisible();
  // The progress page still offers them.
  await otherTab.goto(progressUrl);
  await expect(otherTab.getByText("The login slips are ready.")).toBeVisible();
  await otherTab.goto(printUrl);

  // The button: the slips, one for each student.
  await page.getByRole("button", { name: SHOW }).click();
  await expect(page.getByText("2 login slips. They are shown only this once: print them now.")).toBeVisible();
  const slips = page.getByRole("article");
  await expect(slips).toHaveCount(2);
  const password = (await page.getByTestId("slip-password").first().textContent())!.trim();
  expect(password).toMatch(TEMPORARY);
  await expectAccessible(page);

  // The other tab's button: taken already, and when; no slip.
  await otherTab.getByRole("button", { name: SHOW }).click();
  await expect(otherTab.getByText(/These login slips were already opened on/)).toBeVisible();
  await expect(otherTab.getByRole("article")).toHaveCount(0);
  await expect(otherTab.getByText(password)).toHaveCount(0);
  // Opened again: when, and no button.
  await otherTab.goto(printUrl);
  await expect(otherTab.getByText(/These login slips were already opened on/)).toBeVisible();
  await expect(otherTab.getByRole("button", { name: SHOW })).toHaveCount(0);

  // The slip works: the student signs in and must change it.
  const student = await (await browser.newContext()).newPage();
  await new LoginPage(student).open();
  await new LoginPage(student).logIn(students[0]!.loginId, password);
  await expect(student.getByRole("heading", { name: "Change Password" })).toBeVisible();

  // Made-up ids and the sequential ids of old are the plain 404.
  for (const id of ["1", "2", "00000000-0000-4000-8000-000000000000"]) {
    expect((await page.goto(`/admin/slips/${id}/print`))?.status(), id).toBe(404);
    expect((await page.goto(`/admin/slips/${id}`))?.status(), id).toBe(404);
  }
});
