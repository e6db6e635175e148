// The school's start of year in the browser: a cohort imported from CSV (a bad row listed first,
// nothing applied), its login slips printed once, a new student's first sign-in; then the yearly
// reset of a class. The classes here come from this spec's own imports: other specs use the demo
// students in parallel.
import { expect, test } from "./test";
import { cohort } from "../fixtures/cohort";
import { adminSignIn } from "./admin-sign-in";
import { CohortPages } from "./cohort-pages";
import { expectAccessible, LoginPage, PortalPage } from "./pages";

test("the school imports a cohort: bad rows first, then the fixed file and its slips, once", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const students = cohort("e2eimp", 3);
  const pages = new CohortPages(page);
  await adminSignIn(page, "clementi_admin");

  // A bad row: listed with its row number and reason; nothing to confirm.
  await pages.upload([students[0]!, students[1]!, { ...students[2]!, email: "not-an-address" }]);
  await expect(
    page.getByRole("status").filter({ hasText: "2 of 3 students can be imported." }),
  ).toBeVisible();
  const row = page.getByRole("row", { name: /^4\b/ });
  await expect(row).toContainText("The student e-mail is not a valid e-mail address.");
  await expect(page.getByRole("button", { name: "Confirm and import" })).toHaveCount(0);
  await expectAccessible(page);
  const badPreview = page.url();

  // The fixed file: confirmed, hashed with a progress bar, and the slips once.
  await pages.upload(students, "cohort-fixed.csv");
  await expect(page.getByText("Every row is correct.")).toBeVisible();
  await expectAccessible(page);
  const goodPreview = page.url();
  const progressUrl = await pages.confirmAndWait();
  await expectAccessible(page);
  const slips = await pages.collect(progressUrl);
  expect(slips.map((slip) => slip.loginId)).toEqual(students.map((s) => s.loginId));
  for (const slip of slips) expect(slip.password).toMatch(/^([A-Z][a-z]+-){3}\d\d$/);
  await expect(page.getByText(/^https?:\/\/\S+\/login$/).first()).toBeVisible();
  await expect(page.getByText("Then set up your security questions").first()).toBeVisible();
  await expectAccessible(page);

  // Opened again: already collected, and when; the passwords are not there, nor the button.
  await page.goto(`${progressUrl}/print`);
  await expect(page.getByText(/These login slips were already opened on/)).toBeVisible();
  await expect(page.getByText(slips[0]!.password)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Show and print the login slips" })).toHaveCount(0);
  // The preview now says it was confirmed: no second import from a second tab.
  await page.goto(goodPreview);
  await expect(page.getByRole("button", { name: "Confirm and import" })).toHaveCount(0);
  await expect(page.getByText("This import has been confirmed.")).toBeVisible();
  await new PortalPage(page).logOut();

  // Nobody signed in is sent to Log In; the new student gets the plain 404 and must change the
  // slip's password first.
  const other = await (await browser.newContext()).newPage();
  await other.goto(progressUrl);
  await expect(other.getByRole("heading", { name: "Log In" })).toBeVisible();
  await new LoginPage(other).logIn(slips[0]!.loginId, slips[0]!.password);
  await expect(other.getByRole("heading", { name: "Change Password" })).toBeVisible();
  for (const url of [
    "/admin/import",
    badPreview,
    progressUrl,
    `${progressUrl}/print`,
    "/admin/yearly-reset",
  ]) {
    expect((await other.goto(url))?.status(), url).toBe(404);
  }

  // Another school's administrator: the same 404 for this school's preview and slips.
  await adminSignIn(page, "jurongwest_admin");
  for (const url of [badPreview, goodPreview, progressUrl, `${progressUrl}/print`]) {
    expect((await page.goto(url))?.status(), url).toBe(404);
  }
});

test("the yearly reset of one class: new slips, old passwords and sessions end", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const students = cohort("e2eyr", 2);
  const className = students[0]!.className;
  const pages = new CohortPages(page);
  await adminSignIn(page, "clementi_admin");
  await pages.upload(students);
  const first = await pages.collect(await pages.confirmAndWait());

  // A student of the class is signed in on a laptop.
  const laptop = await (await browser.newContext()).newPage();
  await new LoginPage(laptop).open();
  await new LoginPage(laptop).logIn(first[0]!.loginId, first[0]!.password);
  await expect(laptop.getByRole("heading", { name: "Change Password" })).toBeVisible();

  await page.goto("/admin");
  await page.getByRole("link", { name: "Yearly password reset" }).click();
  await expect(page.getByRole("heading", { name: "Yearly password reset" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Reset the passwords of").selectOption({ label: `${className} (2 students)` });
  // Not confirmed: refused next to the field, nothing started.
  await page.getByLabel("Type RESET to confirm").fill("reset please");
  await page.getByRole("button", { name: "Reset the passwords" }).click();
  await expect(page.getByText("Type the word RESET in capital letters to confirm.")).toBeVisible();
  await expect(page.getByLabel("Type RESET to confirm")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByLabel("Reset the passwords of").selectOption({ label: `${className} (2 students)` });
  await page.getByLabel("Type RESET to confirm").fill("RESET");
  await page.getByRole("button", { name: "Reset the passwords" }).click();
  const progressUrl = await pages.waitForSlips();
  await expect(page.getByText(className)).toBeVisible();
  const second = await pages.collect(progressUrl);
  expect(second.map((slip) => slip.loginId).sort()).toEqual(students.map((s) => s.loginId).sort());
  for (const slip of second) {
    expect(slip.password).not.toBe(first.find((f) => f.loginId === slip.loginId)!.password);
  }

  // The laptop's session ended; the old slip's password is refused, the new one is taken.
  await laptop.reload();
  await expect(laptop.getByRole("heading", { name: "Log In" })).toBeVisible();
  await new LoginPage(laptop).logIn(first[0]!.loginId, first[0]!.password);
  await expect(laptop.getByText("The Login ID or password is not correct.")).toBeVisible();
  const renewed = second.find((slip) => slip.loginId === first[0]!.loginId)!;
  await new LoginPage(laptop).logIn(renewed.loginId, renewed.password);
  await expect(laptop.getByRole("heading", { name: "Change Password" })).toBeVisible();
});
