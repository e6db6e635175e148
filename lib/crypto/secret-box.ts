// Secrets the app must read back (an administrator's TOTP secret, login slips waiting to be
// collected) are kept encrypted with AES-256-GCM, so a copy of the database alone does not reveal
// them. The keys are their own (ENCRYPTION_KEYS), not the session secret: rotating AUTH_SECRET
// signs everyone out and nothing more. Each key has an id, written in the box, so a new key can
// take over while boxes sealed with an older one still open (and are sealed again when next used).
// Stored as "v2.<key id>.<iv>.<ciphertext>.<tag>" (base64url); `purpose` binds a box to its use,
// so one kind of secret cannot be passed off as another. Boxes of the first version ("v1.…",
// under a key derived from AUTH_SECRET) still open while that secret is given as `legacy`.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { derivedKey } from "./derived-key";

export type SealKey = { id: string; secret: Uint8Array };

/** `current` seals everything new; `byId` opens whatever a box names. */
export type KeyRing = {
  current: SealKey;
  byId: ReadonlyMap<string, SealKey>;
  /** The AUTH_SECRET that sealed the first version's boxes, to open (never to seal) them. */
  legacy?: string;
};

export function keyRing(keys: SealKey[], legacy?: string): KeyRing {
  const [current] = keys;
  if (!current) throw new Error("a key ring needs at least one key");
  return { current, byId: new Map(keys.map((key) => [key.id, key])), ...(legacy && { legacy }) };
}

const VERSION = "v2";
const LEGACY_VERSION = "v1";

function keyFor(secret: Uint8Array, purpose: string): Buffer {
  return derivedKey(secret, "mims-sspr secret box v2", purpose);
}

function legacyKeyFor(secret: string, purpose: string): Buffer {
  return derivedKey(secret, "mims-sspr secret box", purpose);
}

export function seal(plaintext: string, ring: KeyRing, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(ring.current.secret, purpose), iv);
  cipher.setAAD(Buffer.from(`${ring.current.id}:${purpose}`));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    VERSION,
    ring.current.id,
    ...[iv, body, cipher.getAuthTag()].map((part) => part.toString("base64url")),
  ].join(".");
}

function decrypt(key: Buffer, aad: string, iv: string, body: string, tag: string): string | null {
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}

/** The plaintext, or null for anything that is not a box sealed with a key of this ring (or the
 *  legacy secret) and this purpose. */
export function open(box: string, ring: KeyRing, purpose: string): string | null {
  const parts = box.split(".");
  if (parts[0] === VERSION && parts.length === 5) {
    const [, id, iv, body, tag] = parts as [string, string, string, string, string];
    const key = ring.byId.get(id);
    if (!key || !iv || !tag) return null;
    return decrypt(keyFor(key.secret, purpose), `${id}:${purpose}`, iv, body, tag);
  }
  if (parts[0] === LEGACY_VERSION && parts.length === 4 && ring.legacy) {
    const [, iv, body, tag] = parts as [string, string, string, string];
    if (!iv || !tag) return null;
    return decrypt(legacyKeyFor(ring.legacy, purpose), purpose, iv, body, tag);
  }
  return null;
}

/** Whether a box that opens should be sealed again: with an older key, or of the first version. */
export function needsReseal(box: string, ring: KeyRing): boolean {
  const [version, id] = box.split(".");
  return version !== VERSION || id !== ring.current.id;
}
