import "server-only";
import { cookies, headers } from "next/headers";
import { config } from "./config";

// The reset path's two cookies: which Login ID is being reset, and the reset grant. httpOnly,
// limited to /sspr, never in a URL.
const LOGIN_COOKIE = "sspr_login";
const GRANT_COOKIE = "sspr_grant";

async function options(maxAgeSeconds: number) {
  const proto = (await headers()).get("x-forwarded-proto");
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/sspr",
    secure: proto === "https",
    maxAge: maxAgeSeconds,
  };
}

export async function rememberLoginId(loginId: string): Promise<void> {
  (await cookies()).set(LOGIN_COOKIE, loginId, await options(30 * 60));
}

export async function rememberedLoginId(): Promise<string | undefined> {
  return (await cookies()).get(LOGIN_COOKIE)?.value || undefined;
}

export async function keepGrant(token: string): Promise<void> {
  (await cookies()).set(GRANT_COOKIE, token, await options(config.grantMinutes * 60));
}

export async function heldGrant(): Promise<string | undefined> {
  return (await cookies()).get(GRANT_COOKIE)?.value || undefined;
}

export async function forgetReset(): Promise<void> {
  const jar = await cookies();
  jar.delete({ name: LOGIN_COOKIE, path: "/sspr" });
  jar.delete({ name: GRANT_COOKIE, path: "/sspr" });
}
