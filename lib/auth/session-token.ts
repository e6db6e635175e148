import "server-only";
import { hkdfSync } from "node:crypto";
import { EncryptJWT, base64url, calculateJwkThumbprint, jwtDecrypt, type JWTPayload } from "jose";
import type { JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

// The session cookie's token, exactly as Auth.js makes and reads it (a JWE: "dir" with
// A256CBC-HS512, its key derived from the secret with HKDF and named by its thumbprint), with the
// key derived once per secret instead of on every request. Auth.js's own encode/decode derive it
// again for each cookie written or read: two hashes and an HKDF per page. A cookie made by either
// reads with the other.

const ENC = "A256CBC-HS512";
const ALG = "dir";
const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;

type DerivedKey = { key: Uint8Array; kid: string };
const derived = new Map<string, Promise<DerivedKey>>();

function keyFor(secret: string, salt: string): Promise<DerivedKey> {
  const id = `${salt}\u0000${secret}`;
  let found = derived.get(id);
  if (!found) {
    found = (async () => {
      const key = new Uint8Array(
        hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64),
      );
      const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, "sha512");
      return { key, kid };
    })();
    derived.set(id, found);
  }
  return found;
}

const secretsOf = (secret: string | string[]) => (Array.isArray(secret) ? secret : [secret]);

export async function encodeSessionToken(params: JWTEncodeParams): Promise<string> {
  const { token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt } = params;
  const { key, kid } = await keyFor(secretsOf(secret)[0]!, salt);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: ALG, enc: ENC, kid })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAge)
    .setJti(crypto.randomUUID())
    .encrypt(key);
}

export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWTPayload | null> {
  const { token, secret, salt } = params;
  if (!token) return null;
  const { payload } = await jwtDecrypt(
    token,
    async ({ kid, enc }) => {
      if (enc !== ENC) throw new Error("unexpected content encryption");
      // Every secret still accepted (the current one first, then those being rotated out).
      for (const candidate of secretsOf(secret)) {
        const { key, kid: own } = await keyFor(candidate, salt);
        if (kid === undefined || kid === own) return key;
      }
      throw new Error("no matching decryption secret");
    },
    { clockTolerance: 15, keyManagementAlgorithms: [ALG], contentEncryptionAlgorithms: [ENC] },
  );
  return payload;
}
