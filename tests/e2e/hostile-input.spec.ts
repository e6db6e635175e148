import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { expectFieldError, LoginPage } from "./pages";

// Before JavaScript loads, forms post straight to the server: these tests send what a browser
// with no checks would, so the server's own validation answers. No response may be a 500.

// Far longer than any field, but within what a form post may carry (64 KB): the field's message.
const OVERSIZED = "a".repeat(20 * 1024);
const MEGABYTE = "a".repeat(1024 * 1024);
const HOSTILE = [
  "<script>window.pwned=1</script>",
  "' OR '1'='1' --",
  "alex\u0000tan",
  "\u202Eevil",
  OVERSIZED,
];

test.use({ javaScriptEnabled: false });

function watchForServerErrors(page: Page): string[] {
  const failures: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 500) failures.push(`${response.status()} ${response.url()}`);
  });
  return failures;
}

/** Fill a field past its maxlength, as a hand-made request would. */
async function force(page: Page, label: string, value: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.evaluate((el) => el.removeAttribute("maxlength"));
  await field.fill(value);
}

test("sign-in answers hostile Login IDs with a clear message", async ({ page }) => {
  const failures = watchForServerErrors(page);
  const login = new LoginPage(page);
  // A field's error (beside the field and in the summary), or the form's message.
  const expected: [string, "field" | "form"][] = [
    ["The Login ID or password is not correct.", "form"],
    ["The Login ID or password is not correct.", "form"],
    ["This has characters that cannot be used here.", "field"],
    ["The Login ID or password is not correct.", "form"],
    ["This is too long: at most 254 characters.", "field"],
  ];
  for (const [i, value] of HOSTILE.entries()) {
    await login.open();
    await force(page, "Login ID", value);
    await force(page, "Password", "Some-Password-1");
    await page.getByRole("button", { name: "Log In" }).click();
    const [words, where] = expected[i]!;
    if (where === "field") await expectFieldError(page, words);
    else await expect(page.getByText(words)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Log In" })).toBeVisible();
  }
  await login.open();
  await page.getByRole("button", { name: "Log In" }).click();
  await expectFieldError(page, "Please fill this in.", 2);
  await login.open();
  await force(page, "Login ID", "lim_wei_jie");
  await force(page, "Password", OVERSIZED);
  await page.getByRole("button", { name: "Log In" }).click();
  await expectFieldError(page, "This is too long: at most 256 characters.");
  expect(failures).toEqual([]);
});

test("a form post far larger than any form is refused before it is read, with a page that says so", async ({
  page,
}) => {
  const failures = watchForServerErrors(page);
  const login = new LoginPage(page);
  await login.open();
  await force(page, "Login ID", "lim_wei_jie");
  await force(page, "Password", MEGABYTE);
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST"),
    page.getByRole("button", { name: "Log In" }).click(),
  ]);
  expect(answer.status()).toBe(413);
  await expect(page.getByRole("heading", { name: "That was too much text" })).toBeVisible();
  await page.getByRole("link", { name: "Go back" }).click();
  await expect(page.getByRole("heading", { name: "Log In" })).toBeVisible();
  // The reset path likewise, and the same post a little smaller reaches the field's check.
  await page.goto("/sspr/search");
  await force(page, "Login ID", MEGABYTE);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: "That was too much text" })).toBeVisible();
  expect(failures).toEqual([]);
});

test("the reset path refuses oversized and empty values with a message", async ({ page }) => {
  const failures = watchForServerErrors(page);
  await page.goto("/sspr/search");
  await page.getByRole("button", { name: "Search" }).click();
  await expectFieldError(page, "Please fill this in.");
  await force(page, "Login ID", OVERSIZED);
  await page.getByRole("button", { name: "Search" }).click();
  await expectFieldError(page, "This is too long: at most 254 characters.");

  await force(page, "Login ID", "<img src=x onerror=alert(1)>");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: "Forgotten Password" })).toBeVisible();
  const first = (await page.locator("form label").allTextContents())[0]!;
  await force(page, first, OVERSIZED);
  await page.getByRole("button", { name: "Check Answers" }).click();
  await expectFieldError(page, "This is too long: at most 80 characters.");
  // No HTML from the Login ID reached the page as markup.
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  expect(failures).toEqual([]);
});

test("setup refuses mistyped questions and bad answers, and saves nothing", async ({ page }) => {
  const failures = watchForServerErrors(page);
  await new LoginPage(page).open();
  await new LoginPage(page).logIn("lim_wei_jie", "Green-Paper-Boat-5");
  await page.goto("/setup-questions");
  const question = page.getByLabel("Question 1");
  await question.evaluate((select) => {
    const option = document.createElement("option");
    option.value = "99'; DROP TABLE users; --";
    option.textContent = "hostile";
    select.appendChild(option);
  });
  await question.selectOption({ label: "hostile" });
  await page.getByLabel("Question 2").selectOption({ label: "What is your favourite food?" });
  await page.getByLabel("Question 3").selectOption({ label: "What is your favourite food?" });
  await force(page, "Answer 1", "ab");
  await force(page, "Answer 2", "lim");
  await force(page, "Answer 3", OVERSIZED);
  await page.getByRole("button", { name: "Save Answers" }).click();
  await expectFieldError(page, "Please choose a question.");
  await expectFieldError(page, "This is too long: at most 80 characters.");
  await page.goto("/");
  await expect(page.getByText("Please set up your security questions now.")).toBeVisible();
  expect(failures).toEqual([]);
});
