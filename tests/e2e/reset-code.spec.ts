// Story: Hui Min cannot answer her security questions. The school gives her a one-time reset
// code in person; at Forgot Password? she follows "I have a code from my teacher", types her
// Login ID and the code, and chooses a new password. The code works once.
import { adminSignIn } from "./admin-sign-in";
import { expectAccessible, LoginPage, PortalPage } from "./pages";
import { expect, test } from "./test";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.70" } });

test("the school gives a one-time reset code, and the child uses it once", async ({ page, browser }) => {
  await adminSignIn(page, "moe_admin");
  await page.goto("/admin");
  await page.getByLabel("School", { exact: true }).selectOption({ label: "Tampines Garden Primary School" });
  await page.getByRole("button", { name: "Switch school" }).click();
  await page.getByRole("link", { name: "Goh Hui Min" }).click();
  await expect(page.getByRole("heading", { name: "One-time reset code" })).toBeVisible();
  await page.getByRole("button", { name: "Give a one-time reset code" }).click();
  await expect(page.getByText(/A one-time reset code for Goh Hui Min, good until/)).toBeVisible();
  const code = (await page.getByTestId("reset-code").textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await expectAccessible(page);
  await new PortalPage(page).logOut();

  const child = await (
    await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.71" } })
  ).newPage();
  await child.goto("/sspr/search");
  await child.getByRole("link", { name: "I have a code from my teacher" }).click();
  await expect(child.getByRole("heading", { name: "Use a code from your teacher" })).toBeVisible();
  await expectAccessible(child);
  await child.getByLabel("Login ID").fill("hui_min_goh");
  await child.getByLabel("Code from your teacher").fill(code.toLowerCase());
  await child.getByRole("button", { name: "Use Code" }).click();
  await expect(child.getByRole("heading", { name: "Change Password" })).toBeVisible();
  await child.getByLabel("New Password").fill("Paper-Lantern-Night-8");
  await child.getByLabel("Confirm Password").fill("Paper-Lantern-Night-8");
  await child.getByRole("button", { name: "Change Password" }).click();
  await expect(child.getByRole("heading", { name: "Password changed" })).toBeVisible();

  // Once only: the same code again is refused, with the same words as any wrong code.
  await child.goto("/sspr/code");
  await child.getByLabel("Login ID").fill("hui_min_goh");
  await child.getByLabel("Code from your teacher").fill(code);
  await child.getByRole("button", { name: "Use Code" }).click();
  await expect(child.getByText("The Login ID or the code is not correct.")).toBeVisible();
  await expect(child.getByRole("heading", { name: "There is a problem" }).locator("..")).toBeFocused();

  // The new password signs in.
  await new LoginPage(child).open();
  await new LoginPage(child).logIn("hui_min_goh", "Paper-Lantern-Night-8");
  await expect(child.getByRole("heading", { name: "MIMS Portal" })).toBeVisible();
});
