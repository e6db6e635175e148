// The enrolment journey, run first (the "admin-enrolment" project every spec depends on): each
// demo administrator's (and the demo teacher's) first sign-in sets up an authenticator app. The keys and recovery codes
// it reads from the pages are kept for the specs' sign-ins (admin-sign-in.ts).
import { expect, test } from "./test";
import {
  ADMINS,
  PUBLISHED,
  TEACHER_PUBLISHED,
  TEACHERS,
  type AdminId,
  type StaffId,
  codeAt,
  saveEnrolment,
  withFreshCode,
} from "./admin-sign-in";
import { expectAccessible, LoginPage, SecondFactorPages } from "./pages";
import type { Page } from "@playwright/test";

/** Confirms the enrolment with a code of the current 30 s step; the recovery codes shown once. */
async function confirmWithFreshCode(enrol: SecondFactorPages, loginId: StaffId, secret: string) {
  let recoveryCodes: string[] = [];
  await withFreshCode(
    loginId,
    async (code) => {
      await enrol.confirmEnrolment(code);
      recoveryCodes = await enrol.recoveryCodes();
    },
    secret,
  );
  expect(recoveryCodes).toHaveLength(10);
  return recoveryCodes;
}

/** The Change Password form, filled and sent. */
async function changePassword(page: Page, current: string, next: string) {
  await page.getByLabel("Current Password").fill(current);
  await page.getByLabel("New Password").fill(next);
  await page.getByLabel("Confirm Password").fill(next);
  await page.getByRole("button", { name: "Change Password" }).click();
}

for (const loginId of Object.keys(ADMINS) as AdminId[]) {
  test(`${loginId} sets up an authenticator app at the first sign-in, gets recovery codes once, and replaces the published password`, async ({
    page,
  }) => {
    const login = new LoginPage(page);
    await login.open();
    await login.logIn(loginId, PUBLISHED[loginId]);
    const enrol = new SecondFactorPages(page);
    // The QR code to scan, and the same key as text for an app on a computer.
    await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
    const secret = await enrol.enrolmentSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectAccessible(page);
    // Not yet trusted: the administration pages send the password-only session back here.
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin\/second-factor\/enrol$/);
    expect(await enrol.enrolmentSecret()).toBe(secret);

    // A wrong code is refused, next to the field.
    const now = Math.floor(Date.now() / 30_000);
    const wrong = [now - 1, now, now + 1].some((s) => codeAt(secret, s) === "000000") ? "999999" : "000000";
    await enrol.confirmEnrolment(wrong);
    await expect(page.getByText("This code is not correct. 4 tries left.")).toBeVisible();
    await expect(page.getByRole("textbox", { name: "6-digit code" })).toHaveAttribute("aria-invalid", "true");

    const recoveryCodes = await confirmWithFreshCode(enrol, loginId, secret);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    await expect(page.getByTestId("totp-secret")).toHaveCount(0);
    await expectAccessible(page);
    saveEnrolment(loginId, { secret, recoveryCodes });

    // The demo's password is published: nothing opens until it is changed (the second factor,
    // passed a moment ago, carries over to the session that goes on).
    await page.getByRole("link", { name: "Continue to School administration" }).click();
    await expect(page.getByRole("heading", { name: "Change Password" })).toBeVisible();
    // Words for an administrator, not the student's "Your school has reset your password".
    await expect(page.getByRole("status")).toHaveText(
      "You signed in with a temporary password. Choose your own password now: the school administration opens once it is changed.",
    );
    await expect(page.getByText("Your school has reset your password.")).toHaveCount(0);
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "Change Password" })).toBeVisible();
    await changePassword(page, PUBLISHED[loginId], ADMINS[loginId]);
    await expect(page.getByRole("heading", { name: "School administration" })).toBeVisible();
    // One sign-in, one code: the new password changed nothing about the second factor passed.
    for (const path of ["/admin/audit", "/admin", "/change-password"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Second factor" }), path).toHaveCount(0);
      await expect(page.getByRole("textbox", { name: "6-digit code" }), path).toHaveCount(0);
    }
    // The log agrees, newest first: one sign-in, the code asked at enrolment (a wrong one, then
    // the right one), the new password, and no second code; each done by the administrator.
    await page.goto(`/admin/audit?student=${loginId}`);
    const own = page.getByRole("table", { name: "Audit log, newest first" });
    await expect(own.getByRole("row")).toHaveCount(5);
    for (const [i, action] of [
      "Password changed",
      "Second factor set up",
      "Second factor code wrong",
      "Signed in",
    ].entries()) {
      await expect(
        own
          .getByRole("row")
          .nth(i + 1)
          .getByRole("cell")
          .first(),
      ).toHaveText(action);
    }
    await expect(own).not.toContainText("the student");
    // Shown once: the key and the codes are not on the page again.
    await page.goto("/admin/second-factor/enrol");
    await expect(page.getByText("Your second factor is set up.")).toBeVisible();
    await expect(page.getByTestId("totp-secret")).toHaveCount(0);
    await expect(page.getByText(recoveryCodes[0]!)).toHaveCount(0);
  });
}

test("the demo teacher sets up an authenticator app at the first sign-in like an administrator, then replaces the published password", async ({
  page,
}) => {
  const loginId = "tan_mei_hua";
  const login = new LoginPage(page);
  await login.open();
  await login.logIn(loginId, TEACHER_PUBLISHED[loginId]);
  const enrol = new SecondFactorPages(page);
  const secret = await enrol.enrolmentSecret();
  await expectAccessible(page);
  // Not yet trusted: her classes send the password-only session back here.
  await page.goto("/teacher");
  await expect(page).toHaveURL(/\/admin\/second-factor\/enrol$/);
  const recoveryCodes = await confirmWithFreshCode(enrol, loginId, secret);
  saveEnrolment(loginId, { secret, recoveryCodes });

  await page.getByRole("link", { name: "Continue to My classes" }).click();
  await expect(page.getByRole("heading", { name: "Change Password" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(
    "You signed in with a temporary password. Choose your own password now: your classes open once it is changed.",
  );
  await changePassword(page, TEACHER_PUBLISHED[loginId], TEACHERS[loginId]);
  await expect(page.getByRole("heading", { name: "My classes" })).toBeVisible();
  // A teacher is no administrator: the school's administration is a 404 for her.
  expect((await page.goto("/admin"))?.status()).toBe(404);
});
