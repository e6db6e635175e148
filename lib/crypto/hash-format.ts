// How a stored hash is written: argon2's PHC string, behind `pepper:<key id>:` when a pepper was
// mixed in, so verifying knows which pepper to use and a rotation knows what is left to rehash.
//   $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
//   pepper:k2:$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>

export const PEPPER_PREFIX = "pepper:";

export type StoredHash = {
  /** The pepper's key id, or null for a hash made without one. */
  keyId: string | null;
  /** What argon2 itself reads. */
  phc: string;
  algorithm: "argon2id" | "argon2i" | "argon2d";
  /** 19 (0x13); an old hash without `v=` is version 16. */
  version: number;
  memoryCost: number;
  timeCost: number;
  parallelism: number;
};

const STORED =
  /^(?:pepper:([A-Za-z0-9_-]{1,32}):)?(\$(argon2id|argon2i|argon2d)(?:\$v=(\d+))?\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+)$/;

export function formatStoredHash(keyId: string | null, phc: string): string {
  return keyId ? `${PEPPER_PREFIX}${keyId}:${phc}` : phc;
}

/** Null when the text is not a hash in this format. */
export function parseStoredHash(stored: string): StoredHash | null {
  const match = STORED.exec(stored);
  if (!match) return null;
  const [, keyId, phc, algorithm, version, m, t, p] = match;
  return {
    keyId: keyId ?? null,
    phc: phc!,
    algorithm: algorithm as StoredHash["algorithm"],
    version: version ? Number(version) : 16,
    memoryCost: Number(m),
    timeCost: Number(t),
    parallelism: Number(p),
  };
}
