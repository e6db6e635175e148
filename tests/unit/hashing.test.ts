// Story: every hash is argon2id at OWASP's parameters, carries the id of the pepper it was made
// with, verifies after a pepper rotation, and says when it is due for a rehash.
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { parseStoredHash } from "@/lib/crypto/hash-format";
import { ARGON2_OPTIONS, hashSecret, needsRehash, verifySecret } from "@/lib/crypto/hashing";
import { NO_PEPPERS, pepperRing } from "@/lib/crypto/peppers";

const k1 = { id: "k1", secret: randomBytes(32) };
const k2 = { id: "k2", secret: randomBytes(32) };
const onlyK1 = { peppers: pepperRing([k1]) };
const k2ThenK1 = { peppers: pepperRing([k2, k1]) };
const onlyK2 = { peppers: pepperRing([k2]) };
const noPepper = { peppers: NO_PEPPERS };

const PASSWORD = "Sunflower-Garden-42";

describe("the stored hash", () => {
  it("is argon2id v19 with m=19456, t=2, p=1", async () => {
    const stored = await hashSecret(PASSWORD, noPepper);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(parseStoredHash(stored)).toMatchObject({
      keyId: null,
      algorithm: "argon2id",
      version: 19,
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
    });
    expect(await verifySecret(stored, PASSWORD, noPepper)).toBe(true);
    expect(await verifySecret(stored, "Sunflower-Garden-43", noPepper)).toBe(false);
  });

  it("names the current pepper's key id before the PHC string", async () => {
    const stored = await hashSecret(PASSWORD, k2ThenK1);
    expect(stored).toMatch(/^pepper:k2:\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(parseStoredHash(stored)).toMatchObject({ keyId: "k2", memoryCost: 19456 });
    expect(await verifySecret(stored, PASSWORD, k2ThenK1)).toBe(true);
  });

  it("does not verify without its pepper, or with another secret under the same id", async () => {
    const stored = await hashSecret(PASSWORD, onlyK1);
    expect(await verifySecret(stored, PASSWORD, noPepper)).toBe(false);
    expect(await verifySecret(stored, PASSWORD, onlyK2)).toBe(false);
    const impostor = { peppers: pepperRing([{ id: "k1", secret: randomBytes(32) }]) };
    expect(await verifySecret(stored, PASSWORD, impostor)).toBe(false);
    // The same password hashed without the pepper is a different hash: the pepper is in it.
    const bare = stored.replace("pepper:k1:", "");
    expect(await verifySecret(bare, PASSWORD, noPepper)).toBe(false);
  });

  it("never throws on a malformed stored hash: it simply does not match", async () => {
    for (const stored of [
      "",
      "plain text",
      "$2b$12$abcdefghijklmnopqrstuv",
      "pepper:k1:",
      "pepper:k1:$argon2id$",
    ]) {
      expect(await verifySecret(stored, PASSWORD, k2ThenK1)).toBe(false);
    }
  });
});

describe("pepper rotation", () => {
  it("verifies a hash made with k1 once k2 is current, and marks it for a rehash", async () => {
    const old = await hashSecret(PASSWORD, onlyK1);
    expect(await verifySecret(old, PASSWORD, k2ThenK1)).toBe(true);
    expect(needsRehash(old, k2ThenK1)).toBe(true);
    const fresh = await hashSecret(PASSWORD, k2ThenK1);
    expect(needsRehash(fresh, k2ThenK1)).toBe(false);
    // Once k1 is retired, what was left under it no longer verifies.
    expect(await verifySecret(old, PASSWORD, onlyK2)).toBe(false);
  });

  it("still verifies a hash made before any pepper, and marks it for one", async () => {
    const old = await hashSecret(PASSWORD, noPepper);
    expect(await verifySecret(old, PASSWORD, k2ThenK1)).toBe(true);
    expect(needsRehash(old, k2ThenK1)).toBe(true);
    expect(needsRehash(old, noPepper)).toBe(false);
  });
});

describe("parameters of old hashes", () => {
  const weak = { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 } as const;

  it("reads algorithm, version, m, t and p from the PHC string", async () => {
    const stored = await hash(PASSWORD, weak);
    expect(parseStoredHash(stored)).toMatchObject({
      keyId: null,
      algorithm: "argon2id",
      version: 19,
      memoryCost: 4096,
      timeCost: 1,
      parallelism: 1,
    });
    expect(parseStoredHash("$argon2i$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g")).toMatchObject({
      algorithm: "argon2i",
      version: 16,
      memoryCost: 65536,
      timeCost: 3,
      parallelism: 4,
    });
    expect(parseStoredHash("$2b$12$abcdefghijklmnopqrstuv")).toBeNull();
  });

  it("verifies a weaker hash with its own parameters and marks it for a rehash", async () => {
    const stored = await hash(PASSWORD, weak);
    expect(await verifySecret(stored, PASSWORD, noPepper)).toBe(true);
    expect(needsRehash(stored, noPepper)).toBe(true);
  });

  it("marks anything but exactly argon2id, m=19456, t=2, p=1 for a rehash", async () => {
    const variants = [
      { ...ARGON2_OPTIONS, algorithm: 1 },
      { ...ARGON2_OPTIONS, memoryCost: 19455 },
      { ...ARGON2_OPTIONS, timeCost: 1 },
      { ...ARGON2_OPTIONS, parallelism: 2 },
      { ...ARGON2_OPTIONS, memoryCost: 65536 },
    ] as const;
    for (const options of variants) expect(needsRehash(await hash(PASSWORD, options), noPepper)).toBe(true);
    expect(needsRehash(await hash(PASSWORD, ARGON2_OPTIONS), noPepper)).toBe(false);
  });
});

describe("nothing is truncated", () => {
  const base = "Long-Passphrase-2024-".repeat(10).slice(0, 199);

  it("keeps two 200-character passwords that differ only in the last character apart", async () => {
    const first = base + "a";
    const second = base + "b";
    expect([...first]).toHaveLength(200);
    const stored = await hashSecret(first, k2ThenK1);
    expect(await verifySecret(stored, first, k2ThenK1)).toBe(true);
    expect(await verifySecret(stored, second, k2ThenK1)).toBe(false);
    expect(await verifySecret(stored, base, k2ThenK1)).toBe(false);
  });

  it("keeps multi-byte passwords whole too (256 characters, 1,024 bytes)", async () => {
    const emoji = "\u{1F600}".repeat(255);
    const stored = await hashSecret(emoji + "a", noPepper);
    expect(await verifySecret(stored, emoji + "b", noPepper)).toBe(false);
    expect(await verifySecret(stored, emoji + "a", noPepper)).toBe(true);
  });
});
