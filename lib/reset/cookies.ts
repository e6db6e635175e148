import "server-only";
import { cookies } from "next/headers";
import { authSecret, config } from "../server/config";
import { signValue, verifiedValue } from "../crypto/signed-value";

// The reset path's two cookies: which Login ID is being reset (signed by the server when the
// Search was posted, so a GET with a made-up one finds nothing to show), and the reset grant.
// httpOnly, limited to /sspr, never in a URL; `Secure` because the service is https.
const LOGIN_COOKIE = "sspr_login";
const GRANT_COOKIE = "sspr_grant";
const LOGIN_MINUTES = 30;

function options(maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/sspr",
    secure: config.secureCookies,
    maxAge: maxAgeSeconds,
  };
}

export async function rememberLoginId(loginId: string): Promise<void> {
  const signed = signValue(authSecret(), "sspr-login", loginId);
  (await cookies()).set(LOGIN_COOKIE, signed, options(LOGIN_MINUTES * 60));
}

/** The Login ID this browser searched for in the last half hour; nothing for a cookie the server
 *  did not sign. */
export async function rememberedLoginId(): Promise<string | undefined> {
  const signed = (await cookies()).get(LOGIN_COOKIE)?.value;
  return verifiedValue(authSecret(), "sspr-login", signed, LOGIN_MINUTES * 60) || undefined;
}

export async function keepGrant(token: string): Promise<void> {
  (await cookies()).set(GRANT_COOKIE, token, options(config.grantMinutes * 60));
}

export async function heldGrant(): Promise<string | undefined> {
  return (await cookies()).get(GRANT_COOKIE)?.value || undefined;
}

export async function forgetReset(): Promise<void> {
  const jar = await cookies();
  jar.delete({ name: LOGIN_COOKIE, path: "/sspr" });
  jar.delete({ name: GRANT_COOKIE, path: "/sspr" });
}
