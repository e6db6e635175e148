// argon2id at OWASP's minimum (19 MiB, 2 passes, parallelism 1), for passwords and answers.
import { hash, verify } from "@node-rs/argon2";

export const ARGON2_OPTIONS = {
  algorithm: 2, // argon2id (`Algorithm` is a const enum, unusable under isolatedModules)
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, ARGON2_OPTIONS);
}

/** Never throws: a malformed stored hash simply does not match. */
export async function verifySecret(storedHash: string, secret: string): Promise<boolean> {
  try {
    return await verify(storedHash, secret, ARGON2_OPTIONS);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifying against this when there is no real hash keeps the timing the same. */
export function verifyAgainstDummy(secret: string): Promise<boolean> {
  dummyHash ??= hashSecret("no account has this password: it only spends the same time");
  return dummyHash.then((h) => verifySecret(h, secret)).then(() => false);
}
