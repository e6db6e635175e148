// Keys derived from a secret with HKDF-SHA-256 (RFC 5869), each derived once per process: the
// secrets and purposes are few and fixed, and deriving again on every request was a measurable
// share of the request thread (`npm run bench:load` with a profile).
import { hkdfSync } from "node:crypto";

const derived = new Map<string, Buffer>();

/** The 32-byte key for `secret`, `salt` and `info`, the same every time. */
export function derivedKey(secret: string | Uint8Array, salt: string, info: string): Buffer {
  const id = `${typeof secret === "string" ? `s:${secret}` : `b:${Buffer.from(secret).toString("base64")}`}\u0000${salt}\u0000${info}`;
  let key = derived.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, salt, info, 32));
    derived.set(id, key);
  }
  return key;
}
