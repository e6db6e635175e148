// The cohort pages as a school's administrator meets them: the import, its preview, the progress of
// the temporary passwords and the login slips.
import { expect, type Page } from "@playwright/test";
import { cohortCsv, type CohortStudent } from "../fixtures/cohort";

export type SlipOnPage = { loginId: string; password: string };

export class CohortPages {
  constructor(private readonly page: Page) {}

  async openImport() {
    await this.page.goto("/admin");
    await this.page.getByRole("link", { name: "Import students" }).click();
    await expect(this.page.getByRole("heading", { name: "Import students from a CSV file" })).toBeVisible();
  }

  async chooseFile(students: CohortStudent[], name = "cohort.csv") {
    await this.page
      .getByLabel("CSV file")
      .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(cohortCsv(students)) });
  }

  async upload(students: CohortStudent[], name = "cohort.csv") {
    await this.openImport();
    await this.chooseFile(students, name);
    await this.page.getByRole("button", { name: "Check the file" }).click();
    await expect(this.page.getByRole("heading", { name: "Check the import" })).toBeVisible();
  }

  /** Confirm, watch the progress page refresh itself until the slips are ready. */
  async confirmAndWait(): Promise<string> {
    await this.page.getByRole("button", { name: "Confirm and import" }).click();
    return this.waitForSlips();
  }

  async waitForSlips(): Promise<string> {
    await expect(this.page.getByRole("heading", { name: "Login slips" })).toBeVisible();
    await expect(this.page.getByRole("link", { name: "Open the login slips to print" })).toBeVisible();
    await expect(this.page.getByRole("progressbar", { name: "Temporary passwords made" })).toBeVisible();
    return this.page.url();
  }

  /** Opens the slips' page (which takes nothing), presses its button (which takes the slips, once)
   *  and reads every slip shown. */
  async collect(progressUrl: string): Promise<SlipOnPage[]> {
    const response = await this.page.goto(`${progressUrl}/print`);
    expect(response?.headers()["cache-control"]).toContain("no-store");
    await this.page.getByRole("button", { name: "Show and print the login slips" }).click();
    await expect(this.page.getByText(/They are shown only this once: print them now\./)).toBeVisible();
    const slips = this.page.getByRole("article");
    const read: SlipOnPage[] = [];
    for (const slip of await slips.all()) {
      const cells = await slip.locator("dd").allTextContents();
      read.push({ loginId: cells[2]!.trim(), password: cells[3]!.trim() });
    }
    return read;
  }
}
