import "server-only";
import { cookies } from "next/headers";
import { config } from "../server/config";
import { deviceTokensOf, withDeviceToken } from "./device-trust";

// The device's sign-in tokens (lib/auth/device-trust.ts): httpOnly, for half a year.
const DEVICE_COOKIE = "sspr_device";
const MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

export async function heldDeviceTokens(): Promise<string[]> {
  return deviceTokensOf((await cookies()).get(DEVICE_COOKIE)?.value);
}

export async function rememberDevice(token: string): Promise<void> {
  const jar = await cookies();
  jar.set(DEVICE_COOKIE, withDeviceToken(deviceTokensOf(jar.get(DEVICE_COOKIE)?.value), token), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: config.secureCookies,
    maxAge: MAX_AGE_SECONDS,
  });
}
