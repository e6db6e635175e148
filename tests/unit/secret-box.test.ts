// Story: what the app must read back is stored encrypted; a box opens only with a key of its own
// ring and its own purpose, any change to it is detected, and the keys are not the session
// secret: rotating AUTH_SECRET keeps every second factor, and a new key takes over without losing
// what an older one sealed.
import { createCipheriv, hkdfSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyRing, needsReseal, open, seal } from "@/lib/crypto/secret-box";

const K1 = { id: "k1", secret: new Uint8Array(32).fill(1) };
const K2 = { id: "k2", secret: new Uint8Array(32).fill(2) };
const RING = keyRing([K1]);
const AUTH_SECRET = "a-secret-that-is-long-enough-0123456789";

/** A box of the first version, as the app sealed it under AUTH_SECRET before this change. */
function legacyBox(plaintext: string, secret: string, purpose: string): string {
  const key = Buffer.from(hkdfSync("sha256", secret, "mims-sspr secret box", purpose, 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, body, cipher.getAuthTag()]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

describe("the secret box", () => {
  it("opens what it sealed, and hides it", () => {
    const box = seal("JBSWY3DPEHPK3PXP", RING, "totp");
    expect(box).not.toContain("JBSWY3DPEHPK3PXP");
    expect(box.startsWith("v2.k1.")).toBe(true);
    expect(open(box, RING, "totp")).toBe("JBSWY3DPEHPK3PXP");
    expect(seal("same", RING, "totp")).not.toBe(seal("same", RING, "totp"));
  });

  it("refuses another key, another purpose, a changed box and rubbish", () => {
    const box = seal("Brook-Piano-Walnut-54", RING, "slips");
    expect(open(box, keyRing([{ id: "k1", secret: K2.secret }]), "slips")).toBeNull();
    expect(open(box, keyRing([K2]), "slips")).toBeNull();
    expect(open(box, RING, "totp")).toBeNull();
    const [v, id, iv, body, tag] = box.split(".");
    const flipped = body!.startsWith("A") ? `B${body!.slice(1)}` : `A${body!.slice(1)}`;
    expect(open([v, id, iv, flipped, tag].join("."), RING, "slips")).toBeNull();
    // The key id is bound too: a box cannot be passed off as another key's.
    expect(open([v, "k2", iv, body, tag].join("."), keyRing([K1, { ...K1, id: "k2" }]), "slips")).toBeNull();
    for (const rubbish of ["", "v1", "v1...", "v2.a.b.c", "v2.k1...", `${box}.extra`])
      expect(open(rubbish, RING, "slips")).toBeNull();
  });

  it("does not depend on AUTH_SECRET: a new session secret opens every box as before", () => {
    const box = seal("JBSWY3DPEHPK3PXP", keyRing([K1], AUTH_SECRET), "totp");
    expect(open(box, keyRing([K1], "a-completely-different-session-secret-42"), "totp")).toBe(
      "JBSWY3DPEHPK3PXP",
    );
    expect(open(box, keyRing([K1]), "totp")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("rotates: a new current key seals, an older one still opens, and its boxes are due for resealing", () => {
    const old = seal("Brook-Piano-Walnut-54", keyRing([K1]), "slips");
    const rotated = keyRing([K2, K1]);
    expect(open(old, rotated, "slips")).toBe("Brook-Piano-Walnut-54");
    expect(needsReseal(old, rotated)).toBe(true);
    const fresh = seal("Brook-Piano-Walnut-54", rotated, "slips");
    expect(fresh.startsWith("v2.k2.")).toBe(true);
    expect(needsReseal(fresh, rotated)).toBe(false);
    // Once the old key is dropped, its boxes no longer open.
    expect(open(old, keyRing([K2]), "slips")).toBeNull();
  });

  it("still opens a first-version box sealed under AUTH_SECRET while that secret is given, to seal it again", () => {
    const box = legacyBox("JBSWY3DPEHPK3PXP", AUTH_SECRET, "totp");
    expect(open(box, keyRing([K1], AUTH_SECRET), "totp")).toBe("JBSWY3DPEHPK3PXP");
    expect(needsReseal(box, keyRing([K1], AUTH_SECRET))).toBe(true);
    expect(open(box, keyRing([K1]), "totp")).toBeNull();
    expect(open(box, keyRing([K1], `${AUTH_SECRET}x`), "totp")).toBeNull();
  });
});
