import { expect, test } from "./test";
import { adminSignIn } from "./admin-sign-in";
import { expectAccessible, LoginPage, PortalPage } from "./pages";

test("the ministry adds a school and its administrator, gives them a second school, and switches schools", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await adminSignIn(page, "moe_admin");
  await page.getByRole("link", { name: "Schools" }).click();
  await expect(page.getByRole("heading", { name: "Schools and their administrators" })).toBeVisible();
  await expectAccessible(page);

  for (const [name, contact] of [
    ["Sengkang Hill Primary School", "office@sengkang.example"],
    ["Punggol Bay Primary School", "office@punggol.example"],
  ]) {
    await page.getByLabel("School name").fill(name!);
    await page.getByLabel("Contact e-mail for families").fill(contact!);
    await page.getByRole("button", { name: "Add school" }).click();
    await expect(page.getByText(`${name} is added.`)).toBeVisible();
  }
  await page.getByLabel("School name").fill("Punggol Bay Primary School");
  await page.getByLabel("Contact e-mail for families").fill("again@punggol.example");
  await page.getByRole("button", { name: "Add school" }).click();
  await expect(page.getByText("A school with this name already exists.")).toBeVisible();

  const addAdmin = page.getByRole("form", { name: "Add a school administrator" });
  await addAdmin.getByLabel("School").selectOption({ label: "Sengkang Hill Primary School" });
  await addAdmin.getByLabel("Login ID").fill("sengkang_admin");
  await addAdmin.getByLabel("Full name").fill("Sengkang ICT Lead");
  await addAdmin.getByRole("button", { name: "Add administrator" }).click();
  await expect(
    page.getByText("sengkang_admin is an administrator of Sengkang Hill Primary School."),
  ).toBeVisible();
  const temporary = (await page.getByTestId("admin-password").textContent())!.trim();
  expect(temporary).toMatch(/^([A-Z][a-z]+-){3}\d\d$/);

  const grant = page.getByRole("form", { name: "Give an administrator another school" });
  await grant.getByLabel("Administrator's Login ID").fill("sengkang_admin");
  await grant.getByLabel("School").selectOption({ label: "Punggol Bay Primary School" });
  await grant.getByRole("button", { name: "Give school" }).click();
  await expect(page.getByText("Sengkang ICT Lead can now act on Punggol Bay Primary School.")).toBeVisible();
  await expectAccessible(page);

  // The ministry acts on any school: switching to Jurong West shows its students only.
  await page.goto("/admin");
  await page.getByLabel("School", { exact: true }).selectOption({ label: "Jurong West Primary School" });
  await page.getByRole("button", { name: "Switch school" }).click();
  await expect(page.locator("section > p").first()).toHaveText("Jurong West Primary School");
  await expect(page.getByRole("link", { name: "Lim Wei Jie" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Siti Nur Rahman" })).toHaveCount(0);
  await expectAccessible(page);
  await new PortalPage(page).logOut();

  // The new administrator's first sign-in: the second factor is set up before anything else.
  const fresh = await (await browser.newContext()).newPage();
  await new LoginPage(fresh).open();
  await new LoginPage(fresh).logIn("sengkang_admin", temporary);
  await expect(fresh.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();

  // The administrator leaves: disabled, their session ends at once.
  await adminSignIn(page, "moe_admin");
  await page.goto("/admin/schools");
  const access = page.getByRole("form", { name: "Disable or enable a school administrator" });
  await access.getByLabel("Administrator's Login ID").fill("sengkang_admin");
  await access.getByRole("button", { name: "Disable administrator" }).click();
  await expect(page.getByText("Sengkang ICT Lead is disabled.")).toBeVisible();
  await fresh.reload();
  await expect(fresh.getByRole("heading", { name: "Log In" })).toBeVisible();
  await new PortalPage(page).logOut();

  // A school's administrator gets the plain 404 for the ministry's page.
  await adminSignIn(page, "clementi_admin");
  await expect(page.getByRole("link", { name: "Schools" })).toHaveCount(0);
  expect((await page.goto("/admin/schools"))?.status()).toBe(404);
});
