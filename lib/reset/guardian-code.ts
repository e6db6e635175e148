// A guardian's approval: where the school turns it on, a student who cannot answer the security
// questions asks for a code sent to the guardian's e-mail on file, and the child (or the guardian
// beside them) types it at /sspr/guardian/code for a new password. Six characters from the reset
// code's alphabet (lib/reset/reset-code.ts), good for 30 minutes or its first use, stored only as
// an argon2 hash, and guessed no faster than the answers (the same gate counts both). Pure:
// lib/data/guardian-codes.ts sends and redeems them.
import { newResetCode, normaliseResetCode } from "./reset-code";

export const GUARDIAN_CODE_LENGTH = 6;
export const GUARDIAN_CODE_MINUTES = 30;

/** At most one code per student in any 15 minutes, and three in any 24 hours: nobody can flood a
 *  guardian's mailbox through the page. */
export const GUARDIAN_CODE_LIMITS = { gapMinutes: 15, perDay: 3 } as const;
const DAY_MINUTES = 24 * 60;

/** A new code, uniformly drawn: 25^6 ≈ 2.4 × 10^8 codes. */
export function newGuardianCode(): string {
  return newResetCode(GUARDIAN_CODE_LENGTH);
}

/** A code as typed (any case, spaces or a dash); null when it cannot be one. */
export function normaliseGuardianCode(typed: string): string | null {
  return normaliseResetCode(typed, GUARDIAN_CODE_LENGTH);
}

/** When a code sent `now` stops working. */
export function guardianCodeExpiry(now: Date): Date {
  return new Date(now.getTime() + GUARDIAN_CODE_MINUTES * 60_000);
}

/** The moment before which a sent code no longer counts against the daily limit. */
export function guardianLimitWindowStart(now: Date): Date {
  return new Date(now.getTime() - DAY_MINUTES * 60_000);
}

/** Whether another code may be sent for a student `now`, given when the codes before were sent. */
export function mayGuardianCodeBeSent(sentAt: readonly Date[], now: Date): boolean {
  const since = (minutes: number) => sentAt.filter((at) => at.getTime() > now.getTime() - minutes * 60_000);
  return (
    since(DAY_MINUTES).length < GUARDIAN_CODE_LIMITS.perDay &&
    since(GUARDIAN_CODE_LIMITS.gapMinutes).length === 0
  );
}
