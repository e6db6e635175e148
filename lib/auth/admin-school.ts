import "server-only";
import { cookies } from "next/headers";
import { config } from "../server/config";
import { parseRowId } from "../forms/row-id";

// Which school an administrator with several schools (or a ministry administrator) is acting on:
// a cookie limited to /admin. It names a school, nothing more: the guard and every data function
// check that the administrator may act on it (lib/data/actor.ts).
const SCHOOL_COOKIE = "sspr_admin_school";

export async function chosenSchoolId(): Promise<number | undefined> {
  return parseRowId((await cookies()).get(SCHOOL_COOKIE)?.value);
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
