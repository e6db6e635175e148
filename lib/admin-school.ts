import "server-only";
import { cookies } from "next/headers";
import { config } from "./config";

// Which school an administrator with several schools (or a ministry administrator) is acting on:
// a cookie limited to /admin. It names a school, nothing more: the guard and every data function
// check that the administrator may act on it (lib/data/actor.ts).
const SCHOOL_COOKIE = "sspr_admin_school";

export async function chosenSchoolId(): Promise<number | undefined> {
  const value = (await cookies()).get(SCHOOL_COOKIE)?.value;
  const id = value && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined;
  return id !== undefined && id <= 2_147_483_647 ? id : undefined;
}

export async function chooseSchoolId(schoolId: number): Promise<void> {
  (await cookies()).set(SCHOOL_COOKIE, String(schoolId), {
    httpOnly: true,
    sameSite: "lax",
    path: "/admin",
    secure: config.secureCookies,
    maxAge: 8 * 60 * 60,
  });
}
