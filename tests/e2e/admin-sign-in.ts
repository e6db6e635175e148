import { expect, type Page } from "@playwright/test";
import { LoginPage } from "./pages";

export const ADMINS = {
  clementi_admin: "Quiet-Library-2026",
  jurongwest_admin: "Silver-Bicycle-2026",
} as const;

/** Signs a school administrator in, as far as the School administration page. */
export async function adminSignIn(page: Page, loginId: keyof typeof ADMINS): Promise<void> {
  const login = new LoginPage(page);
  await login.open();
  await login.logIn(loginId, ADMINS[loginId]);
  await expect(page.getByRole("heading", { name: "School administration" })).toBeVisible();
}
