import { expect, test } from "./test";
import { expectAccessible, expectFieldError, LoginPage, PortalPage, ResetPages } from "./pages";

const ANSWERS = {
  "What is your favourite animal?": "Red Panda",
  "What is your favourite toy?": "lego bricks",
  "What is your favourite book?": "Charlotte's Web",
};

test("a student signs in, sets up questions, forgets the password and resets it", async ({ page }) => {
  test.setTimeout(120_000);
  const login = new LoginPage(page);
  const portal = new PortalPage(page);
  const reset = new ResetPages(page);

  await login.open();
  await expectAccessible(page);
  await login.logIn("Alex_Tan", "Sunny-Harbour-42");
  await expect(page.getByText("Please set up your security questions now.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Setup Security Question" }).click();
  await expectAccessible(page);
  // Just signed in: a first set-up does not ask for the password again.
  await expect(page.getByLabel("Current Password")).toHaveCount(0);
  // A repeated question is refused with a message next to the field.
  await page.getByLabel("Question 1").selectOption({ label: "What is your favourite animal?" });
  await page.getByLabel("Question 2").selectOption({ label: "What is your favourite animal?" });
  await page.getByLabel("Question 3").selectOption({ label: "What is your favourite book?" });
  await page.getByLabel("Answer 1").fill("red panda");
  await page.getByLabel("Answer 2").fill("tiger");
  await page.getByLabel("Answer 3").fill("matilda");
  await page.getByRole("button", { name: "Save Answers" }).click();
  await expectFieldError(page, "Please choose three different questions.");

  await portal.setUpQuestions(Object.entries(ANSWERS));
  await expect(page.getByText("Your security answers are saved.")).toBeVisible();
  await expect(page.getByText("Your security questions are set up.")).toBeVisible();
  await portal.logOut();

  await reset.search("alex_tan");
  const asked = await reset.questionsAsked();
  expect(asked).toHaveLength(2);
  for (const question of asked) expect(Object.keys(ANSWERS)).toContain(question);
  await expectAccessible(page);
  // Reloading never offers easier questions.
  await page.reload();
  expect(await reset.questionsAsked()).toEqual(asked);

  // Capitals and extra spaces do not matter.
  const typed = Object.fromEntries(Object.entries(ANSWERS).map(([q, a]) => [q, `  ${a.toUpperCase()} `]));
  await reset.answer(typed);
  await expect(page.getByRole("heading", { name: "Change Password" })).toBeVisible();
  // Cancel ends the reset: the grant is gone and the password unchanged.
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "Log In" })).toBeVisible();
  await page.goto("/sspr/change");
  await expect(page.getByText("This password reset has ended.")).toBeVisible();

  await reset.search("alex_tan");
  await reset.answer(typed);
  await expect(page.getByRole("heading", { name: "Change Password" })).toBeVisible();
  for (const rule of ["Password is case sensitive.", "Must be at least 12 characters long."]) {
    await expect(page.getByText(rule)).toBeVisible();
  }
  await expectAccessible(page);

  // The checklist ticks live; the server names the failing rule and the name part.
  await page.getByLabel("New Password").fill("Tangerine-Sky-99");
  await expect(page.locator('[data-rule="noName"]')).toHaveAttribute("data-met", "false");
  await expect(page.locator('[data-rule="length"]')).toHaveAttribute("data-met", "true");
  await reset.changePassword("Tangerine-Sky-99");
  await expectFieldError(page, 'must not include part of your name or user name ("tan")');

  await reset.changePassword("Purple-Mountain-77");
  await expect(page.getByRole("heading", { name: "Password changed" })).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();

  await login.logIn("alex_tan", "Sunny-Harbour-42");
  await expect(page.getByText("The Login ID or password is not correct.")).toBeVisible();
  await login.logIn("alex_tan", "Purple-Mountain-77");
  await expect(page.getByRole("heading", { name: "MIMS Portal" })).toBeVisible();
});

test("sign-in says the same for an unknown Login ID and a wrong password", async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.logIn("nobody_here", "Whatever-Pass-1");
  await expect(page.getByText("The Login ID or password is not correct.")).toBeVisible();
  const unknown = await page.getByRole("main").innerText();
  await login.logIn("lim_wei_jie", "Whatever-Pass-1");
  await expect(page.getByText("The Login ID or password is not correct.")).toBeVisible();
  expect(await page.getByRole("main").innerText()).toEqual(unknown);
  await expect(page.getByLabel("Login ID")).toHaveValue("lim_wei_jie");
});
