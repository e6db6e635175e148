import { expect, test } from "./test";
import { expectAccessible, expectFieldError, LoginPage } from "./pages";

test("a student with a new password from the school must change it before anything else", async ({
  page,
}) => {
  const login = new LoginPage(page);
  await login.open();
  await login.logIn("nurul_huda", "Welcome-Clementi-2027");
  await expect(page.getByRole("heading", { name: "Change Password" })).toBeVisible();
  await expect(page.getByText("Your school has reset your password.")).toBeVisible();
  await expectAccessible(page);
  // Nothing else opens until the password is changed.
  await page.goto("/setup-questions");
  await expect(page.getByRole("heading", { name: "Change Password" })).toBeVisible();

  await page.getByLabel("Current Password").fill("Welcome-Clementi-2027");
  await page.getByLabel("New Password").fill("nurul-likes-cats-9");
  await page.getByLabel("Confirm Password").fill("nurul-likes-cats-9");
  await page.getByRole("button", { name: "Change Password" }).click();
  await expectFieldError(page, 'must not include part of your name or user name ("nurul")');

  await page.getByLabel("Current Password").fill("Welcome-Clementi-2027");
  await page.getByLabel("New Password").fill("Kitten-Garden-2027");
  await page.getByLabel("Confirm Password").fill("Kitten-Garden-2028");
  await page.getByRole("button", { name: "Change Password" }).click();
  await expectFieldError(page, "The two passwords are not the same.");

  await page.getByLabel("Current Password").fill("Welcome-Clementi-2027");
  await page.getByLabel("New Password").fill("Kitten-Garden-2027");
  await page.getByLabel("Confirm Password").fill("Kitten-Garden-2027");
  await page.getByRole("button", { name: "Change Password" }).click();
  await expect(page.getByRole("heading", { name: "MIMS Portal" })).toBeVisible();
  await expect(page.getByText("Please set up your security questions now.")).toBeVisible();
  await page.goto("/setup-questions");
  await expect(page.getByRole("heading", { name: "Setup Security Questions" })).toBeVisible();
  // The new password was just typed: setting up the questions does not ask for it again.
  await expect(page.getByLabel("Current Password")).toHaveCount(0);
});
