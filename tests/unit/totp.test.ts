// Story: an administrator's authenticator app and the server agree on a code for each 30-second
// step; a code one step early or late (a slow clock) still counts, older or newer ones do not;
// the step a code belongs to is what the server remembers, so the same code is never taken twice.
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { keyRing } from "@/lib/crypto/secret-box";
import {
  groupedSecret,
  matchTimeStep,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  openTotpSecret,
  sealTotpSecret,
  timeStepAt,
  totpCodeAt,
  totpUri,
} from "@/lib/auth/totp";

// RFC 6238's SHA-1 test key ("12345678901234567890") and its published 8-digit vectors, cut to 6.
const RFC_SECRET = Secret.fromLatin1("12345678901234567890").base32;
const at = (seconds: number) => new Date(seconds * 1000);

describe("time-based codes", () => {
  it("gives the codes of RFC 6238's test vectors", () => {
    expect(totpCodeAt(RFC_SECRET, at(59))).toBe("287082");
    expect(totpCodeAt(RFC_SECRET, at(1111111109))).toBe("081804");
    expect(totpCodeAt(RFC_SECRET, at(1234567890))).toBe("005924");
    expect(totpCodeAt(RFC_SECRET, at(2000000000))).toBe("279037");
  });

  it("accepts the code of this step, and of one step before or after, as that step", () => {
    const secret = newTotpSecret();
    const now = new Date("2026-11-27T10:00:15Z");
    const step = timeStepAt(now);
    expect(matchTimeStep(secret, totpCodeAt(secret, now), now)).toBe(step);
    expect(matchTimeStep(secret, totpCodeAt(secret, at((step - 1) * 30)), now)).toBe(step - 1);
    expect(matchTimeStep(secret, totpCodeAt(secret, at((step + 1) * 30)), now)).toBe(step + 1);
  });

  it("refuses a code two steps old or ahead, another account's code, and non-codes", () => {
    const secret = newTotpSecret();
    const now = new Date("2026-11-27T10:00:15Z");
    const step = timeStepAt(now);
    expect(matchTimeStep(secret, totpCodeAt(secret, at((step - 2) * 30)), now)).toBeNull();
    expect(matchTimeStep(secret, totpCodeAt(secret, at((step + 2) * 30)), now)).toBeNull();
    const other = newTotpSecret();
    const othersCode = totpCodeAt(other, now);
    // (One in a million: the other secret's code may be this one's too; then it is a right code.)
    if (othersCode !== totpCodeAt(secret, now)) expect(matchTimeStep(secret, othersCode, now)).toBeNull();
    for (const rubbish of ["", "12345", "1234567", "abcdef", "12 34 5x", "١٢٣٤٥٦"])
      expect(matchTimeStep(secret, rubbish, now)).toBeNull();
  });

  it("ignores spaces typed between the digits", () => {
    const secret = newTotpSecret();
    const now = new Date();
    const code = totpCodeAt(secret, now);
    expect(matchTimeStep(secret, ` ${code.slice(0, 3)} ${code.slice(3)} `, now)).toBe(timeStepAt(now));
  });

  it("makes a 160-bit secret an authenticator app can read from the QR code, and type by hand", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = totpUri(secret, "clementi_admin");
    expect(uri).toMatch(/^otpauth:\/\/totp\/MIMS%20SSPR:clementi_admin\?/);
    // What an app does with the address: the same code as the server's.
    const app = new TOTP({ secret: Secret.fromBase32(new URL(uri).searchParams.get("secret")!) });
    const now = new Date();
    expect(app.generate({ timestamp: now.getTime() })).toBe(totpCodeAt(secret, now));
    expect(groupedSecret(secret).replace(/ /g, "")).toBe(secret);
    expect(groupedSecret(secret)).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
  });

  it("keeps the secret sealed for the database", () => {
    const key = keyRing([{ id: "k1", secret: new Uint8Array(32).fill(7) }]);
    const other = keyRing([{ id: "k1", secret: new Uint8Array(32).fill(8) }]);
    const secret = newTotpSecret();
    const box = sealTotpSecret(secret, key);
    expect(box).not.toContain(secret);
    expect(openTotpSecret(box, key)).toBe(secret);
    expect(openTotpSecret(box, other)).toBeNull();
  });
});

describe("recovery codes", () => {
  it("makes 10 different codes of two groups of five, without look-alike characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$/);
      expect(code).not.toMatch(/[01ilo]/);
    }
  });

  it("reads a code as typed: any case, with or without the dash or spaces", () => {
    const [code] = newRecoveryCodes(1);
    const plain = code!.replace("-", "");
    expect(normaliseRecoveryCode(code!)).toBe(plain);
    expect(normaliseRecoveryCode(code!.toUpperCase())).toBe(plain);
    expect(normaliseRecoveryCode(` ${plain.slice(0, 5)} ${plain.slice(5)} `)).toBe(plain);
  });

  it("refuses what cannot be a code, before any hashing", () => {
    for (const rubbish of [
      "",
      "abcde-2345",
      "abcde-234567",
      "abcde-2345o",
      "abcde_23456",
      "abcde-2345\u0000",
    ])
      expect(normaliseRecoveryCode(rubbish)).toBeNull();
  });
});
