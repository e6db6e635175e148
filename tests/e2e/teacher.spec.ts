// Story: Aiden (P3 Diligence, no security questions) tries Forgot Password? and locks it. His form
// teacher, Mrs Tan, signs in with her second factor, sees her classes, unlocks him and gives him a
// one-time reset code with a slip to print; he uses it at "I have a code from my teacher" and
// chooses a new password. She sees nothing beyond her classes: the school's administration and
// any other student are a 404.
import { adminSignIn, teacherSignIn } from "./admin-sign-in";
import { expectAccessible, expectNoOverflow, LoginPage, PortalPage, ResetPages } from "./pages";
import { expect, test } from "./test";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.80" } });

const AIDEN = "Aiden Chua Zi Hao";

test("a form teacher unlocks a child of her class and gives him a one-time reset code he uses once", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const child = await (
    await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.81" } })
  ).newPage();
  const reset = new ResetPages(child);
  await reset.search("aiden_chua");
  for (let i = 0; i < 3; i++) await reset.answer({});
  await expect(child.getByRole("heading", { name: "Account locked" })).toBeVisible();

  await teacherSignIn(page, "tan_mei_hua");
  await expect(page.getByText("Clementi Primary School")).toBeVisible();
  const diligence = page.getByRole("table", { name: "P3 Diligence: 1 student" });
  const aidenRow = diligence.getByRole("row", { name: new RegExp(AIDEN) });
  await expect(aidenRow.getByRole("cell", { name: "Not set up" })).toBeVisible();
  await expect(aidenRow).toContainText("aiden_chua");
  await expect(aidenRow).toContainText("Forgot Password? locked until");
  // Her other class, and nobody else's students.
  await expect(page.getByRole("table", { name: "P4 Courage: 1 student" })).toContainText("Alex Tan Wei Ming");
  await expect(page.getByText("Siti Nur Rahman")).toHaveCount(0);
  await expectAccessible(page);
  await expectNoOverflow(page);

  await aidenRow.getByRole("button", { name: `Unlock ${AIDEN}` }).click();
  await expect(page.getByText(`${AIDEN} is unlocked.`)).toBeVisible();
  await expect(aidenRow).toContainText("Not locked");
  await expect(aidenRow.getByRole("button", { name: `Unlock ${AIDEN}` })).toHaveCount(0);

  await aidenRow.getByRole("link", { name: AIDEN }).click();
  await expect(page.getByRole("heading", { name: AIDEN })).toBeVisible();
  const studentUrl = page.url();
  await page.getByRole("button", { name: "Give a one-time reset code" }).click();
  await expect(page.getByText(`A one-time reset code for ${AIDEN}, good until`)).toBeVisible();
  const code = (await page.getByTestId("reset-code").textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  const slip = page.getByRole("article", { name: "One-time reset code slip" });
  await expect(slip).toContainText(AIDEN);
  await expect(slip).toContainText("aiden_chua");
  await expect(slip).toContainText("P3 Diligence");
  await expect(slip).toContainText(code);
  await expect(slip).toContainText("/sspr/code");
  await expect(slip).toContainText("I have a code from my teacher");
  await expectAccessible(page);
  await expectNoOverflow(page);
  // Printed, the slip is all there is on the paper.
  await page.emulateMedia({ media: "print" });
  await expect(slip.getByRole("heading", { name: "Your one-time reset code" })).toBeVisible();
  await expect(page.locator("h1", { hasText: AIDEN })).toBeHidden();
  await expect(page.locator("button", { hasText: "Give a one-time reset code" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  // Shown once: the page itself does not hold it.
  await page.reload();
  await expect(page.getByRole("heading", { name: AIDEN })).toBeVisible();
  await expect(page.getByText(code)).toHaveCount(0);

  await child.goto("/sspr/search");
  await child.getByRole("link", { name: "I have a code from my teacher" }).click();
  await child.getByLabel("Login ID").fill("aiden_chua");
  await child.getByLabel("Code from your teacher").fill(code);
  await child.getByRole("button", { name: "Use Code" }).click();
  await reset.changePassword("Harbour-Lights-Evening-6");
  await expect(child.getByRole("heading", { name: "Password changed" })).toBeVisible();
  await new LoginPage(child).open();
  await new LoginPage(child).logIn("aiden_chua", "Harbour-Lights-Evening-6");
  await expect(child.getByRole("heading", { name: "MIMS Portal" })).toBeVisible();
  // A student's session reaches no teacher's page.
  expect((await child.goto("/teacher"))?.status()).toBe(404);
  expect((await child.goto(studentUrl))?.status()).toBe(404);

  // Her page's activity is in the school's log under her name, and the code's use under his.
  const office = await (
    await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.82" } })
  ).newPage();
  await adminSignIn(office, "clementi_admin");
  await office.getByLabel("Name, Login ID, class or e-mail").fill("aiden");
  await office.getByRole("button", { name: "Search" }).click();
  await office.getByRole("link", { name: AIDEN }).click();
  const trail = office.getByRole("region", { name: "Recent activity" });
  await expect(trail).toContainText("One-time reset code given, by Tan Mei Hua");
  await expect(trail).toContainText("Account unlocked, by Tan Mei Hua");
  await expect(trail).toContainText("One-time reset code used, by the student");
  await office.goto("/admin?q=siti");
  const sitiHref = await office.getByRole("link", { name: "Siti Nur Rahman" }).getAttribute("href");
  const sitiId = sitiHref!.split("/").pop();
  // An administrator is not a teacher.
  expect((await office.goto("/teacher"))?.status()).toBe(404);
  await office.goto("/admin");
  await new PortalPage(office).logOut();

  // Beyond her classes: the same 404 for another class's child, a made-up id and the school's pages.
  for (const path of [
    `/teacher/students/${sitiId}`,
    "/teacher/students/999999",
    "/admin",
    "/admin/teachers",
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  expect((await page.goto(studentUrl))?.status()).toBe(200);
});

test("the school adds teachers one by one and from a CSV file, and gives them their classes", async ({
  page,
  browser,
}) => {
  await adminSignIn(page, "clementi_admin");
  await page.getByRole("link", { name: "Teachers", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Teachers and their classes" })).toBeVisible();
  await expect(page.getByLabel("Classes of Tan Mei Hua")).toHaveValue("P3 Diligence; P4 Courage");
  await expectAccessible(page);
  await expectNoOverflow(page);

  const add = page.getByRole("form", { name: "Add a teacher" });
  await add.getByLabel("Login ID").fill("e2e_lee");
  await add.getByLabel("Full name").fill("Lee Hui Wen");
  await add.getByLabel("Classes").fill("P9 Nowhere");
  await add.getByRole("button", { name: "Add teacher" }).click();
  await expect(add.getByText("No student of your school is in P9 Nowhere.")).toBeVisible();
  await add.getByLabel("Classes").fill("p5 integrity");
  await add.getByRole("button", { name: "Add teacher" }).click();
  await expect(add.getByText("e2e_lee is a teacher of your school.")).toBeVisible();
  const temporary = (await page.getByTestId("teacher-password").textContent())!.trim();
  await expect(page.getByLabel("Classes of Lee Hui Wen")).toHaveValue("P5 Integrity");
  await expectAccessible(page);

  // A file with a row to fix adds nobody, and says which row and why.
  const file = page.getByLabel("CSV file", { exact: true });
  const upload = async (csv: string) => {
    await file.setInputFiles({ name: "teachers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Import teachers" }).click();
  };
  await upload("username,name,classes\ne2e_ng,Ng Li Ting,P1 Kindness\nx,Bad Login,P2 Harmony\n");
  await expect(page.getByText("1 row has a problem. Nothing has been imported.")).toBeVisible();
  const rows = page.getByRole("table", { name: "Rows to fix" });
  await expect(rows.getByRole("row", { name: /^3 The Login ID must be/ })).toBeVisible();
  await expect(page.getByLabel("Classes of Ng Li Ting")).toHaveCount(0);
  await expectAccessible(page);
  await upload("username,name,classes\ne2e_ng,Ng Li Ting,P1 Kindness; P2 Harmony\n");
  const added = page.getByRole("table", { name: "Teachers added, with their temporary passwords" });
  await expect(added.getByRole("row", { name: /Ng Li Ting e2e_ng P1 Kindness; P2 Harmony/ })).toBeVisible();
  await expect(page.getByTestId("imported-password")).toHaveText(/^([A-Z][a-z]+-){3}\d\d$/);
  await expect(page.getByLabel("Classes of Ng Li Ting")).toHaveValue("P1 Kindness; P2 Harmony");
  await expectAccessible(page);

  // The new teacher's first sign-in sets up the second factor, as an administrator's does.
  const newcomer = await (await browser.newContext()).newPage();
  await new LoginPage(newcomer).open();
  await new LoginPage(newcomer).logIn("e2e_lee", temporary);
  await expect(newcomer.getByRole("heading", { name: "Set up your second factor" })).toBeVisible();

  // Her classes change; disabled, she is signed out and the password opens nothing.
  const lee = page.getByRole("listitem", { name: "Lee Hui Wen" });
  await lee.getByLabel("Classes of Lee Hui Wen").fill("P2 Harmony");
  await lee.getByRole("button", { name: "Save classes" }).click();
  await expect(lee.getByText("The classes of Lee Hui Wen are saved.")).toBeVisible();
  await lee.getByRole("button", { name: "Disable teacher" }).click();
  await expect(lee.getByText("Lee Hui Wen is disabled and signed out everywhere.")).toBeVisible();
  await newcomer.reload();
  await expect(newcomer.getByRole("heading", { name: "Log In" })).toBeVisible();
  await new LoginPage(newcomer).logIn("e2e_lee", temporary);
  await expect(newcomer.getByText("The Login ID or password is not correct.")).toBeVisible();
});
