// Secrets the app must read back (an administrator's TOTP secret, login slips waiting to be
// collected) are kept encrypted with AES-256-GCM under a key derived from AUTH_SECRET, so a copy
// of the database alone does not reveal them. Stored as "v1.<iv>.<ciphertext>.<tag>" (base64url);
// `purpose` binds a box to its use, so one kind of secret cannot be passed off as another.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";

function keyFor(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "mims-sspr secret box", purpose, 32));
}

export function seal(plaintext: string, secret: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secret, purpose), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, body, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The plaintext, or null for anything that is not a box sealed with this secret and purpose. */
export function open(box: string, secret: string, purpose: string): string | null {
  const [version, iv, body, tag, ...rest] = box.split(".");
  if (version !== VERSION || !iv || body === undefined || !tag || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(secret, purpose), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}
