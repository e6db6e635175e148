// A value the server hands a browser and must get back unchanged (the Login ID of a reset in
// progress): the value, when it was issued and an HMAC over both and its purpose, with a key
// derived from AUTH_SECRET. A made-up or edited cookie is worth nothing.
import { createHmac, timingSafeEqual } from "node:crypto";
import { derivedKey } from "./derived-key";

function mac(secret: string, purpose: string, payload: string): string {
  return createHmac("sha256", derivedKey(secret, "mims-sspr signed value", purpose))
    .update(payload)
    .digest("base64url");
}

export function signValue(secret: string, purpose: string, value: string, now = new Date()): string {
  const payload = `${Buffer.from(value, "utf8").toString("base64url")}.${Math.floor(now.getTime() / 1000)}`;
  return `${payload}.${mac(secret, purpose, payload)}`;
}

/** The value, if it was signed by this server for this purpose within `maxAgeSeconds`. */
export function verifiedValue(
  secret: string,
  purpose: string,
  signed: string | undefined,
  maxAgeSeconds: number,
  now = new Date(),
): string | null {
  const match = /^([A-Za-z0-9_-]{0,2048})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(signed ?? "");
  if (!match) return null;
  const [, encoded, issued, given] = match as unknown as [string, string, string, string];
  const expected = Buffer.from(mac(secret, purpose, `${encoded}.${issued}`));
  if (expected.length !== given.length || !timingSafeEqual(expected, Buffer.from(given))) return null;
  const age = now.getTime() / 1000 - Number(issued);
  if (age < -60 || age > maxAgeSeconds) return null;
  return Buffer.from(encoded, "base64url").toString("utf8");
}
