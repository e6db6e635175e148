// Schools kept apart on the administrators' side. An administrator of two schools (here the
// ministry's) who opened a school's yearly reset or import, then switched school in another tab,
// gets nothing done by the older tab's forms: it says so and to reload the page. And an import's
// preview tells a school nothing about another school's Login IDs.
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { cohort } from "../fixtures/cohort";
import { adminSignIn } from "./admin-sign-in";
import { CohortPages } from "./cohort-pages";
import { expectAccessible } from "./pages";

const SCHOOL_CHANGED = /Nothing was done: this page was opened for another school/;

async function switchSchool(page: Page, school: string) {
  await page.goto("/admin");
  await page.getByLabel("School", { exact: true }).selectOption({ label: school });
  await page.getByRole("button", { name: "Switch school" }).click();
  await expect(page.locator("section > p").first()).toHaveText(school);
}

test("forms opened for one school do nothing after a switch to another school in another tab", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await adminSignIn(page, "moe_admin");
  const tabs = page.context();
  const importTab = await tabs.newPage();
  const confirmTab = await tabs.newPage();
  const otherTab = await tabs.newPage();

  // Jurong West: its yearly reset, an import to upload, and a preview to confirm.
  await switchSchool(page, "Jurong West Primary School");
  await page.goto("/admin/yearly-reset");
  await expect(page.locator("section > p").first()).toHaveText("Jurong West Primary School");
  await page.getByLabel("Reset the passwords of").selectOption({ label: "P3 Respect (2 students)" });
  await page.getByLabel("Type RESET to confirm").fill("RESET");
  const importing = new CohortPages(importTab);
  await importing.openImport();
  await importing.chooseFile(cohort("e2ejwa", 1));
  const confirming = new CohortPages(confirmTab);
  await confirming.upload(cohort("e2ejwb", 1));
  await expect(confirmTab.locator("section > p").first()).toHaveText("Jurong West Primary School");

  // Another tab: Clementi now.
  await switchSchool(otherTab, "Clementi Primary School");

  // The reset: refused, nothing started, the form kept.
  await page.getByRole("button", { name: "Reset the passwords" }).click();
  await expect(page.getByText(SCHOOL_CHANGED)).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/yearly-reset$/);
  await expectAccessible(page);
  // The upload: refused, no preview made.
  await importTab.getByRole("button", { name: "Check the file" }).click();
  await expect(importTab.getByText(SCHOOL_CHANGED)).toBeVisible();
  await expect(importTab).toHaveURL(/\/admin\/import$/);
  // The confirmation: refused, nothing imported.
  await confirmTab.getByRole("button", { name: "Confirm and import" }).click();
  await expect(confirmTab.getByText(SCHOOL_CHANGED)).toBeVisible();
  await expect(confirmTab).toHaveURL(/\/admin\/import\/\d+$/);

  // Reloaded, the reset page shows the school acted on now; Jurong West's class is not offered.
  await page.reload();
  await expect(page.locator("section > p").first()).toHaveText("Clementi Primary School");
  await expect(page.getByRole("option", { name: /P3 Respect/ })).toHaveCount(0);
  // Nothing happened in Jurong West: no student imported, Lim not reset (no one must change).
  await switchSchool(otherTab, "Jurong West Primary School");
  await otherTab.goto("/admin?q=e2ejw");
  await expect(otherTab.getByRole("status")).toHaveText("0 students found.");
  await otherTab
    .getByRole("link", { name: "Lim Wei Jie" })
    .first()
    .waitFor({ state: "detached" })
    .catch(() => {});
  await otherTab.goto("/admin?q=lim");
  await otherTab.getByRole("link", { name: "Lim Wei Jie" }).click();
  await expect(otherTab.getByRole("heading", { name: "Lim Wei Jie" })).toBeVisible();
  await expect(
    otherTab.getByRole("listitem").filter({ hasText: "Password reset in the yearly reset" }),
  ).toHaveCount(0);
});

test("an import's preview asks about another school's Login ID, and does not say it is in use", async ({
  page,
}) => {
  const [fresh, other, own] = cohort("e2eelse", 3);
  const pages = new CohortPages(page);
  await adminSignIn(page, "clementi_admin");
  await pages.upload([fresh!, { ...other!, loginId: "lim_wei_jie" }, { ...own!, loginId: "alex_tan" }]);
  await expect(
    page.getByRole("status").filter({ hasText: "1 of 3 students can be imported." }),
  ).toBeVisible();
  // Row 3: Jurong West's student. Row 4: Clementi's own.
  const elsewhere = page.getByRole("row", { name: /^3\b/ });
  await expect(elsewhere).toContainText("This row cannot be used. Ask the ministry.");
  await expect(elsewhere).not.toContainText("in use");
  await expect(page.getByRole("row", { name: /^4\b/ })).toContainText("This Login ID is already in use.");
  await expectAccessible(page);
});
