// The administrators' second factor: RFC 6238 time-based codes (SHA-1, 6 digits, 30 seconds: what
// every authenticator app reads from a QR code) and single-use recovery codes. Pure: the database
// side (replay, attempts, sessions) is lib/data/second-factor.ts.
import { randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { open, seal, type KeyRing } from "@/lib/crypto/secret-box";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** A code of the time step before or after the current one is still accepted: clocks drift. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

const ISSUER = "MIMS SSPR";
const BOX_PURPOSE = "totp-secret";

/** A fresh secret of 160 bits (RFC 4226's recommended length), as base32 for people and apps. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(secret: string, account = ""): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: account,
    secret: Secret.fromBase32(secret),
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    algorithm: "SHA1",
  });
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string): string {
  return totpOf(secret, account).toString();
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

export function timeStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for a time step (tests and tools; the app only checks codes). */
export function totpCodeAt(secret: string, now: Date): string {
  return totpOf(secret).generate({ timestamp: now.getTime() });
}

/** Spaces a person may type between the digits are ignored; anything else is not a code. */
export function normaliseTotpCode(input: string): string | null {
  const code = input.replace(/\s+/g, "");
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code) ? code : null;
}

/** The time step the code belongs to (now, one before or one after), or null for a wrong code.
 *  Whether that step was already used is the caller's question. */
export function matchTimeStep(secret: string, input: string, now: Date): number | null {
  const token = normaliseTotpCode(input);
  if (!token) return null;
  const delta = totpOf(secret).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : timeStepAt(now) + delta;
}

// Recovery codes: 10 characters from an alphabet without look-alikes (no 0/o, 1/l/i), shown as
// two groups of five. About 49 bits each; stored only as argon2 hashes, each used once.
const RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const RECOVERY_LENGTH = 10;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from(
      { length: RECOVERY_LENGTH },
      () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
    );
    return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
  });
}

/** What is hashed and compared: lower case, without the dash or spaces a person may type; null
 *  for anything that cannot be a recovery code (so no hash is spent on it). */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]+/g, "");
  return code.length === RECOVERY_LENGTH && [...code].every((c) => RECOVERY_ALPHABET.includes(c))
    ? code
    : null;
}

/** The secret as stored in users.totp_secret: encrypted under the ENCRYPTION_KEYS (lib/crypto/secret-box.ts). */
export function sealTotpSecret(secret: string, keys: KeyRing): string {
  return seal(secret, keys, BOX_PURPOSE);
}

export function openTotpSecret(box: string, keys: KeyRing): string | null {
  return open(box, keys, BOX_PURPOSE);
}
