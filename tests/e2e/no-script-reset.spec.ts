// Without JavaScript, every form is a plain POST, and reloading the page it answered posts it
// again. The administrator's Reset password carries a one-time token: the reload resets nothing
// more, says so, and the temporary password already shown keeps working; pressing the button again
// makes a new one. The login slips, too, are taken by a plain POST, once.
import { expect, test } from "./test";
import { cohort } from "../fixtures/cohort";
import { adminSignIn } from "./admin-sign-in";
import { CohortPages } from "./cohort-pages";
import { LoginPage } from "./pages";

test.use({ javaScriptEnabled: false });

test("reloading the page that shows a temporary password does not reset the password again", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const [student] = cohort("e2enojs", 1);
  const pages = new CohortPages(page);
  await adminSignIn(page, "clementi_admin");
  // A student of this test's own, imported and collected without JavaScript.
  await pages.upload([student!]);
  const progressUrl = await pages.confirmAndWait();
  const [slip] = await pages.collect(progressUrl);
  expect(slip!.loginId).toBe(student!.loginId);
  // Reloading the slips' answer posts again: they are not shown again.
  await page.reload();
  await expect(page.getByText(/These login slips were already opened on/)).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(0);

  await page.goto(`/admin?q=${student!.loginId}`);
  await page.getByRole("link", { name: student!.fullName }).click();
  await expect(page.getByRole("heading", { name: student!.fullName })).toBeVisible();
  const studentUrl = page.url();
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByText(`The password of ${student!.fullName} is reset.`)).toBeVisible();
  const temporary = (await page.getByTestId("temporary-password").textContent())!.trim();

  // The reload posts the same form again: nothing more is reset, and the page says so.
  const posted = page.waitForRequest(
    (request) => request.method() === "POST" && request.url() === studentUrl,
  );
  await page.reload();
  await posted;
  await expect(page.getByText(/This reset was already done, and nothing more was changed/)).toBeVisible();
  await expect(page.getByTestId("temporary-password")).toHaveCount(0);
  await page.goto(studentUrl);
  const resets = page.getByRole("listitem").filter({ hasText: "Password reset by the school" });
  await expect(resets).toHaveCount(1);

  // The temporary password shown first still signs the student in.
  const laptop = await (await browser.newContext()).newPage();
  const login = new LoginPage(laptop);
  await login.open();
  await login.logIn(student!.loginId, temporary);
  await expect(laptop.getByRole("heading", { name: "Change Password" })).toBeVisible();

  // Pressing the button again is a new reset, with a new temporary password.
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByText(`The password of ${student!.fullName} is reset.`)).toBeVisible();
  const second = (await page.getByTestId("temporary-password").textContent())!.trim();
  expect(second).not.toBe(temporary);
  await page.goto(studentUrl);
  await expect(resets).toHaveCount(2);
});
