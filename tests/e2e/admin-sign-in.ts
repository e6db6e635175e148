import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { LoginPage, SecondFactorPages } from "./pages";

/** The demo administrators' published passwords (README): each must be changed at the first
 *  sign-in, which second-factor-enrol.setup.ts does. */
export const PUBLISHED = {
  clementi_admin: "Quiet-Library-2026",
  jurongwest_admin: "Silver-Bicycle-2026",
  moe_admin: "Ministry-Desk-2026",
} as const;
/** Their passwords after that first sign-in: what every spec signs in with. */
export const ADMINS = {
  clementi_admin: "Quiet-Reading-Room-2027",
  jurongwest_admin: "Silver-Tandem-Bike-2027",
  moe_admin: "Harbour-Front-Desk-2027",
} as const;
export type AdminId = keyof typeof ADMINS;

/** The demo teacher (README), who signs in with a second factor like the administrators. */
export const TEACHER_PUBLISHED = { tan_mei_hua: "Chalk-Garden-2026" } as const;
export const TEACHERS = { tan_mei_hua: "Whiteboard-Lesson-Plan-27" } as const;
export type TeacherId = keyof typeof TEACHERS;
/** Whoever signs in with a second factor. */
export type StaffId = AdminId | TeacherId;

// The demo administrators enrol once per run (second-factor-enrol.setup.ts, a project every spec
// depends on); their keys and recovery codes are kept here, in the e2e server's data folder,
// which the server's start removes. A time step's code is taken only once per account, and specs
// sign in as the same administrators from two workers: each code is handed out under a lock, for
// a step later than any handed out before; when the steps the server takes now are used up, a
// recovery code is used instead of waiting for the clock (and after them, the clock).
const STORE = join(process.cwd(), ".data-e2e", "second-factor");
const PERIOD_MS = 30_000;

type Enrolled = { secret: string; recoveryCodes: string[] };

export function saveEnrolment(loginId: StaffId, enrolled: Enrolled): void {
  mkdirSync(STORE, { recursive: true });
  writeFileSync(join(STORE, `${loginId}.json`), JSON.stringify(enrolled));
}

export function enrolmentOf(loginId: StaffId): Enrolled {
  try {
    return JSON.parse(readFileSync(join(STORE, `${loginId}.json`), "utf8")) as Enrolled;
  } catch {
    throw new Error(`${loginId} is not enrolled: run the specs with the "admin-enrolment" project`);
  }
}

export const codeAt = (secret: string, step: number) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: step * PERIOD_MS });

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function withLock<T>(loginId: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(STORE, { recursive: true });
  const lock = join(STORE, `${loginId}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A worker that died holding the lock does not block the others for ever.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 90_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // Released meanwhile: try again.
      }
      await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function readNumber(file: string): number {
  try {
    return Number(readFileSync(file, "utf8")) || 0;
  } catch {
    return 0; // nothing handed out yet
  }
}

/** The first step no one has used yet for this account, and how long until the server takes it
 *  (it takes the steps just before and after the current one). */
function nextStep(loginId: StaffId): { step: number; waitMs: number } {
  const step = Math.max(readNumber(join(STORE, `${loginId}.step`)) + 1, Math.floor(Date.now() / PERIOD_MS));
  return { step, waitMs: Math.max(0, (step - 1) * PERIOD_MS - Date.now() + 200) };
}

/** Hands `enter` a code of a time step no one has used for this account (waiting for the clock if
 *  the steps the server takes now are used up), and records it as used. */
export async function withFreshCode(
  loginId: StaffId,
  enter: (code: string) => Promise<void>,
  secret = enrolmentOf(loginId).secret,
): Promise<void> {
  await withLock(loginId, async () => {
    const { step, waitMs } = nextStep(loginId);
    if (waitMs > 0) await sleep(waitMs);
    try {
      await enter(codeAt(secret, step));
    } finally {
      writeFileSync(join(STORE, `${loginId}.step`), String(step));
    }
  });
}

/** The code page of a session whose password was accepted, passed with a fresh code from the app,
 *  or, when the app's codes for now are used up, with a recovery code (the first is kept for
 *  second-factor.spec.ts) rather than waiting for the clock. */
export async function passSecondFactor(page: Page, loginId: StaffId): Promise<void> {
  const secondFactor = new SecondFactorPages(page);
  await secondFactor.expectCodePage();
  // Each lands on their own page: an administrator's, or a teacher's classes.
  const admin = page.getByRole("heading", {
    name: loginId in TEACHERS ? "My classes" : "School administration",
  });
  const { recoveryCodes } = enrolmentOf(loginId);
  const usedCodes = join(STORE, `${loginId}.recovery`);
  const recovery = await withLock(loginId, () => {
    const next = Math.max(1, readNumber(usedCodes));
    if (nextStep(loginId).waitMs === 0 || next >= recoveryCodes.length) return Promise.resolve(null);
    writeFileSync(usedCodes, String(next + 1));
    return Promise.resolve(recoveryCodes[next]!);
  });

  if (recovery) await secondFactor.enterRecoveryCode(recovery);
  else
    await withFreshCode(loginId, async (code) => {
      await secondFactor.enterCode(code);
      await expect(admin).toBeVisible();
    });
  await expect(admin).toBeVisible();
}

/** Signs a school administrator in, password and second factor, as far as the School
 *  administration page. */
export async function adminSignIn(page: Page, loginId: AdminId): Promise<void> {
  const login = new LoginPage(page);
  await login.open();
  await login.logIn(loginId, ADMINS[loginId]);
  await passSecondFactor(page, loginId);
}

/** Signs a teacher in, password and second factor, as far as their classes. */
export async function teacherSignIn(page: Page, loginId: TeacherId): Promise<void> {
  const login = new LoginPage(page);
  await login.open();
  await login.logIn(loginId, TEACHERS[loginId]);
  await passSecondFactor(page, loginId);
}
