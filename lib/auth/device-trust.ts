// A device that signed in to an account (or reset its password) gets a token for that account:
// its sign-in tries then count against the device, not the account (lib/limits/sign-in-throttle.ts), so
// someone guessing the password from elsewhere cannot keep the student or the school's
// administrator out of their usual computer (OWASP's "device cookies"). A token names the account
// and a random id, signed with a key derived from AUTH_SECRET; a device keeps the last few.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { derivedKey } from "../crypto/derived-key";
import { parseRowId } from "../forms/row-id";

export const DEVICE_TOKENS_KEPT = 5;
const TOKEN = /^([1-9]\d{0,9})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

function macKey(secret: string): Buffer {
  return derivedKey(secret, "mims-sspr device trust", "device-token");
}

function mac(secret: string, userId: number, nonce: string): string {
  return createHmac("sha256", macKey(secret)).update(`${userId}.${nonce}`).digest("base64url");
}

export function newDeviceToken(secret: string, userId: number): string {
  const nonce = randomBytes(16).toString("base64url");
  return `${userId}.${nonce}.${mac(secret, userId, nonce)}`;
}

/** The throttle key of this device for this account, if one of its tokens is genuine and names
 *  the account; the key is a hash (the token itself is never stored). */
export function trustedDeviceKey(secret: string, tokens: string[], userId: number): string | null {
  for (const token of tokens) {
    const match = TOKEN.exec(token);
    if (!match || parseRowId(match[1]) !== userId) continue;
    const expected = Buffer.from(mac(secret, userId, match[2]!));
    const given = Buffer.from(match[3]!);
    if (expected.length === given.length && timingSafeEqual(expected, given)) {
      return `d:${createHash("sha256").update(token).digest("hex")}`;
    }
  }
  return null;
}

/** The cookie's value split into tokens (at most the number kept; anything else is dropped). */
export function deviceTokensOf(cookie: string | undefined): string[] {
  return (cookie ?? "")
    .split("~")
    .filter((token) => TOKEN.test(token))
    .slice(0, DEVICE_TOKENS_KEPT);
}

/** The cookie's value with `token` first: one token per account, the newest few accounts. */
export function withDeviceToken(tokens: string[], token: string): string {
  const userId = token.split(".")[0];
  return [token, ...tokens.filter((t) => t.split(".")[0] !== userId)].slice(0, DEVICE_TOKENS_KEPT).join("~");
}
