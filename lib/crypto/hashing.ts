// argon2id at OWASP's minimum (19 MiB, 2 passes, parallelism 1), for passwords and answers,
// with the configured pepper (lib/crypto/peppers.ts) as argon2's secret. The whole secret is hashed:
// argon2 takes any length, nothing is cut (unlike bcrypt's 72 bytes). The hashes run on threads of
// their own (lib/crypto/argon2-threads.ts), as many at once as lib/crypto/hash-pool.ts lets.
import { Argon2ThreadError, argon2Threads } from "./argon2-threads";
import { formatStoredHash, parseStoredHash } from "./hash-format";
import { HashingBusyError, hashPool } from "./hash-pool";
import { configuredPeppers, type PepperRing } from "./peppers";

/** The property suite (`npm run test:property`) sends 10,000 inputs through each form's handler
 *  and the database; what it tests is the handling of input, not the hash's cost, so there, and
 *  only when NODE_ENV is "test", ARGON2_COST=test-minimum runs the same argon2id code at its
 *  smallest memory and time. The app (NODE_ENV development or production) ignores the variable. */
const testMinimum = process.env.NODE_ENV === "test" && process.env.ARGON2_COST === "test-minimum";

export const ARGON2_OPTIONS = {
  algorithm: 2, // argon2id (`Algorithm` is a const enum, unusable under isolatedModules)
  memoryCost: testMinimum ? 1024 : 19456,
  timeCost: testMinimum ? 1 : 2,
  parallelism: 1,
} as const;

/** Tests pass a ring; the app uses the configured one. */
export type HashingOptions = { peppers?: PepperRing };

export async function hashSecret(secret: string, options: HashingOptions = {}): Promise<string> {
  const pepper = (options.peppers ?? configuredPeppers()).current;
  const phc = await hashPool().run(() =>
    argon2Threads().hash(secret, pepper ? { ...ARGON2_OPTIONS, secret: pepper.secret } : ARGON2_OPTIONS),
  );
  return formatStoredHash(pepper?.id ?? null, phc);
}

/** A malformed stored hash, or one whose pepper is no longer configured, simply does not
 *  match. Throws only HashingBusyError, and Argon2ThreadError when hashing itself is broken.
 *  The cost parameters come from the stored hash itself. */
export async function verifySecret(
  storedHash: string,
  secret: string,
  options: HashingOptions = {},
): Promise<boolean> {
  const stored = parseStoredHash(storedHash);
  if (!stored) return false;
  const pepper = stored.keyId ? (options.peppers ?? configuredPeppers()).byId.get(stored.keyId) : null;
  if (pepper === undefined) return false;
  try {
    return await hashPool().run(() =>
      argon2Threads().verify(stored.phc, secret, pepper ? { secret: pepper.secret } : undefined),
    );
  } catch (error) {
    if (error instanceof HashingBusyError || error instanceof Argon2ThreadError) throw error;
    return false;
  }
}

/** True when a hash that just verified should be replaced by a fresh one: not argon2id v19 with
 *  exactly our parameters, or not made with the current pepper. "Exactly", not "at least": one
 *  cost for every verify keeps sign-in timing uniform across accounts and the capacity sizing
 *  (verifies per second) true; weaker hashes are the point, stronger ones are rare. */
export function needsRehash(storedHash: string, options: HashingOptions = {}): boolean {
  const stored = parseStoredHash(storedHash);
  const currentKey = (options.peppers ?? configuredPeppers()).current?.id ?? null;
  return (
    !stored ||
    stored.algorithm !== "argon2id" ||
    stored.version !== 19 ||
    stored.memoryCost !== ARGON2_OPTIONS.memoryCost ||
    stored.timeCost !== ARGON2_OPTIONS.timeCost ||
    stored.parallelism !== ARGON2_OPTIONS.parallelism ||
    stored.keyId !== currentKey
  );
}

let dummyHash: Promise<string> | undefined;
/** Verifying against this when there is no real hash keeps the timing the same. */
export function verifyAgainstDummy(secret: string): Promise<boolean> {
  dummyHash ??= hashSecret("no account has this password: it only spends the same time");
  return dummyHash.then((h) => verifySecret(h, secret)).then(() => false);
}
