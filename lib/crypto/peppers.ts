// Peppers: secrets mixed into every argon2 hash (its `secret` input) and kept outside the
// database, so a stolen copy of the database alone cannot be cracked offline. Each has a key id,
// recorded with the hash, so a new pepper can take over while hashes made with an old one still
// verify (and are rehashed at the next sign-in).
// No `server-only` here: the seed script hashes with these outside the Next server.
import { z } from "zod";

export type Pepper = { id: string; secret: Uint8Array };

/** `current` hashes everything new; `byId` verifies whatever a stored hash names. */
export type PepperRing = { current: Pepper | null; byId: ReadonlyMap<string, Pepper> };

export const NO_PEPPERS: PepperRing = { current: null, byId: new Map() };

export const PEPPER_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
/** 256 bits, as `openssl rand -base64 32` gives: a pepper only helps if it cannot be guessed. */
export const PEPPER_MIN_BYTES = 32;

/** Builds a ring; the first pepper is the current one. */
export function pepperRing(peppers: Pepper[]): PepperRing {
  return { current: peppers[0] ?? null, byId: new Map(peppers.map((pepper) => [pepper.id, pepper])) };
}

/** A list of `id:base64secret` entries, comma-separated, current first, as `variable` holds
 *  them (PASSWORD_PEPPERS, ENCRYPTION_KEYS): each id once, each secret 32 bytes or more. Unset: an
 *  empty list. The errors name the variable and the entry, and never repeat a secret. */
export function keyListSchema(variable: string) {
  return z
    .string()
    .optional()
    .transform((value, ctx): Pepper[] => {
      const entries = (value ?? "")
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean);
      const keys: Pepper[] = [];
      for (const [index, entry] of entries.entries()) {
        const colon = entry.indexOf(":");
        const id = colon > 0 ? entry.slice(0, colon) : "";
        const encoded = colon > 0 ? entry.slice(colon + 1) : "";
        const where = `${variable} entry ${index + 1}`;
        if (!PEPPER_ID.test(id)) {
          ctx.addIssue({
            code: "custom",
            message: `${where}: write it as id:base64secret (id: letters, digits, - or _)`,
          });
        } else if (keys.some((key) => key.id === id)) {
          ctx.addIssue({ code: "custom", message: `${where}: the key id ${id} is used twice` });
        } else if (!BASE64.test(encoded) || Buffer.from(encoded, "base64").length < PEPPER_MIN_BYTES) {
          ctx.addIssue({
            code: "custom",
            message: `${where}: the secret must be base64 of at least ${PEPPER_MIN_BYTES} bytes`,
          });
        } else {
          keys.push({ id, secret: new Uint8Array(Buffer.from(encoded, "base64")) });
        }
      }
      return keys;
    });
}

/** `PASSWORD_PEPPERS`: `id:base64secret` entries, comma-separated, current first. Unset: no pepper. */
export const pepperRingSchema = keyListSchema("PASSWORD_PEPPERS").transform(pepperRing);

let fromEnv: PepperRing | undefined;
/** The configured ring, read from the environment on first use (lib/server/config.ts validates the same
 *  variable at start-up with the same schema). */
export function configuredPeppers(): PepperRing {
  fromEnv ??= pepperRingSchema.parse(process.env.PASSWORD_PEPPERS || undefined);
  return fromEnv;
}
