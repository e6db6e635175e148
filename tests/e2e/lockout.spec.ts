import { expect, test } from "./test";
import { adminSignIn } from "./admin-sign-in";
import { expectAccessible, LoginPage, PortalPage, ResetPages } from "./pages";

const SITI = {
  "What is your favourite colour?": "purple",
  "What is your favourite sport or hobby?": "badminton",
  "What is your favourite food?": "chicken rice",
};

test("three wrong answers lock the account, the school sees it and unlocks it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // Siti is signed in on another device: that session must end when her password is reset.
  const otherDevice = await browser.newContext();
  const signedIn = await otherDevice.newPage();
  await new LoginPage(signedIn).open();
  await new LoginPage(signedIn).logIn("siti_rahman", "Blue-Kite-Flying-7");
  await expect(signedIn.getByRole("heading", { name: "MIMS Portal" })).toBeVisible();

  const reset = new ResetPages(page);
  await reset.search("siti_rahman@students.clementi-ps.example");
  for (let i = 0; i < 2; i++) {
    await reset.answer({});
    await expect(page.getByText("The answers are not correct.")).toBeVisible();
  }
  await reset.answer({});
  await expect(page.getByRole("heading", { name: "Account locked" })).toBeVisible();
  await expect(page.getByText("locked because of too many wrong attempts")).toBeVisible();
  // Correct answers now change nothing: the page stays locked.
  await page.goto("/sspr/challenge");
  await expect(page.getByRole("heading", { name: "Account locked" })).toBeVisible();
  // Two schools: the page offers a picker rather than revealing the Login ID's school.
  await page
    .getByLabel("Choose your school to see its e-mail address")
    .selectOption({ label: "Clementi Primary School" });
  await page.getByRole("button", { name: "Show e-mail address" }).click();
  await expect(page.getByRole("link", { name: "mims-admin@clementi-ps.example" })).toBeVisible();
  await expectAccessible(page);

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await adminSignIn(adminPage, "jurongwest_admin");
  await expect(adminPage.getByText("Siti Nur Rahman")).toHaveCount(0);
  await new PortalPage(adminPage).logOut();

  await adminSignIn(adminPage, "clementi_admin");
  const row = adminPage.getByRole("listitem", { name: "Siti Nur Rahman" });
  await expect(row).toBeVisible();
  await expectAccessible(adminPage);
  await row.getByRole("button", { name: "Unlock" }).click();
  await expect(adminPage.getByText("Siti Nur Rahman is unlocked.")).toBeVisible();
  await adminPage.reload();
  await expect(adminPage.getByText("No account of your school is locked now.")).toBeVisible();
  await adminContext.close();

  // Unlocked, the family starts again at Forgot Password? (the page shows nothing drawn before).
  await reset.search("siti_rahman");
  await reset.answer(SITI);
  await reset.changePassword("Orange-Kite-Soaring-8");
  await expect(page.getByRole("heading", { name: "Password changed" })).toBeVisible();
  // The grant was used once: going back to the form offers nothing.
  await page.goto("/sspr/change");
  await expect(page.getByText("This password reset has ended.")).toBeVisible();

  await signedIn.reload();
  await expect(signedIn.getByRole("heading", { name: "Log In" })).toBeVisible();
  await otherDevice.close();
});

test("a student gets no admin page", async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.logIn("lim_wei_jie", "Green-Paper-Boat-5");
  await expect(page.getByRole("heading", { name: "MIMS Portal" })).toBeVisible();
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "School administration" })).toHaveCount(0);
});

test("forms work before JavaScript loads", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const reset = new ResetPages(page);
  await reset.search("no_such_student");
  // A Login ID that does not exist meets the same page, with two questions.
  expect(await reset.questionsAsked()).toHaveLength(2);
  await reset.answer({});
  await expect(page.getByText("The answers are not correct.")).toBeVisible();
  await page.goto("/login");
  await new LoginPage(page).logIn("lim_wei_jie", "wrong-password-1A");
  await expect(page.getByText("The Login ID or password is not correct.")).toBeVisible();
  await context.close();
});
