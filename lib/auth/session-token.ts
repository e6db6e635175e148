import "server-only";
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  randomUUID,
  timingSafeEqual,
} from "node:crypto";
import type { JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

// The session cookie's token, exactly as Auth.js makes and reads it: a compact JWE ("dir" with
// A256CBC-HS512, RFC 7516 and RFC 7518 §5.2), its key derived from the secret with HKDF and named
// by its JWK thumbprint (RFC 7638). A cookie made by either reads with the other
// (tests/unit/session-token.test.ts). Two things differ from Auth.js's own encode and decode:
// the key is derived once per secret, not for every cookie written or read (two hashes and an
// HKDF each time); and the cipher runs on the request thread at once with node:crypto, where
// WebCrypto's promises took a trip through the thread pool and back for a few hundred bytes.

const ENC = "A256CBC-HS512";
const ALG = "dir";
const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;
/** As Auth.js reads its cookies: a clock a little behind is forgiven. */
const CLOCK_TOLERANCE_S = 15;

export type SessionClaims = Record<string, unknown> & { iat?: number; exp?: number; jti?: string };

type DerivedKey = { macKey: Buffer; encKey: Buffer; kid: string };
const derived = new Map<string, DerivedKey>();

const b64u = (bytes: Buffer | Uint8Array) => Buffer.from(bytes).toString("base64url");

function keyFor(secret: string, salt: string): DerivedKey {
  const id = `${salt}\u0000${secret}`;
  let found = derived.get(id);
  if (!found) {
    const key = Buffer.from(
      hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64),
    );
    // The thumbprint of the JWK {kty: "oct", k}: its required members in lexicographic order.
    const jwk = JSON.stringify({ k: b64u(key), kty: "oct" });
    const kid = b64u(createHash("sha512").update(jwk).digest());
    found = { macKey: key.subarray(0, 32), encKey: key.subarray(32), kid };
    derived.set(id, found);
  }
  return found;
}

const secretsOf = (secret: string | string[]) => (Array.isArray(secret) ? secret : [secret]);

/** A256CBC-HS512's tag: HMAC-SHA-512 over the header, IV, ciphertext and the header's bit length,
 *  its first half. */
function tagOf(macKey: Buffer, aad: string, iv: Buffer, ciphertext: Buffer): Buffer {
  const bits = Buffer.alloc(8);
  bits.writeBigUInt64BE(BigInt(Buffer.byteLength(aad, "ascii") * 8));
  return createHmac("sha512", macKey)
    .update(aad, "ascii")
    .update(iv)
    .update(ciphertext)
    .update(bits)
    .digest()
    .subarray(0, 32);
}

/** Auth.js awaits its encode and decode: the synchronous work, its error as a rejection. */
const settled = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

export function encodeSessionToken(params: JWTEncodeParams): Promise<string> {
  return settled(() => encodeNow(params));
}

function encodeNow(params: JWTEncodeParams): string {
  const { token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt } = params;
  const { macKey, encKey, kid } = keyFor(secretsOf(secret)[0]!, salt);
  const now = Math.floor(Date.now() / 1000);
  const claims = { ...token, iat: now, exp: now + maxAge, jti: randomUUID() };
  const header = b64u(Buffer.from(JSON.stringify({ alg: ALG, enc: ENC, kid })));
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-cbc", encKey, iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(claims), "utf8"), cipher.final()]);
  const tag = tagOf(macKey, header, iv, ciphertext);
  return `${header}..${b64u(iv)}.${b64u(ciphertext)}.${b64u(tag)}`;
}

class InvalidSessionToken extends Error {
  constructor(reason: string) {
    super(`session token: ${reason}`);
    this.name = "InvalidSessionToken";
  }
}

function headerOf(part: string): {
  alg?: unknown;
  enc?: unknown;
  kid?: unknown;
  zip?: unknown;
  crit?: unknown;
} {
  try {
    const header: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    if (header && typeof header === "object" && !Array.isArray(header)) return header;
  } catch {
    // below
  }
  throw new InvalidSessionToken("malformed header");
}

/** The token's claims; throws for anything that is not a token we made under an accepted secret
 *  (forged, changed, another cookie's, a retired secret's) or that has expired. */
export function decodeSessionToken(params: JWTDecodeParams): Promise<SessionClaims | null> {
  return settled(() => decodeNow(params));
}

function decodeNow(params: JWTDecodeParams): SessionClaims | null {
  const { token, secret, salt } = params;
  if (!token) return null;
  const parts = token.split(".");
  if (parts.length !== 5 || parts[1] !== "") throw new InvalidSessionToken("not a direct-key JWE");
  const [protectedHeader = "", , ivPart = "", ciphertextPart = "", tagPart = ""] = parts;
  const header = headerOf(protectedHeader);
  if (header.alg !== ALG || header.enc !== ENC) throw new InvalidSessionToken("unexpected algorithm");
  if (header.zip !== undefined || header.crit !== undefined)
    throw new InvalidSessionToken("unsupported header");
  // Every secret still accepted (the current one first, then those being rotated out).
  const key = secretsOf(secret)
    .map((candidate) => keyFor(candidate, salt))
    .find(({ kid }) => header.kid === undefined || header.kid === kid);
  if (!key) throw new InvalidSessionToken("no matching decryption secret");
  const iv = Buffer.from(ivPart, "base64url");
  const ciphertext = Buffer.from(ciphertextPart, "base64url");
  const tag = Buffer.from(tagPart, "base64url");
  const expected = tagOf(key.macKey, protectedHeader, iv, ciphertext);
  if (iv.length !== 16 || tag.length !== expected.length || !timingSafeEqual(tag, expected)) {
    throw new InvalidSessionToken("decryption failed");
  }
  let claims: unknown;
  try {
    const decipher = createDecipheriv("aes-256-cbc", key.encKey, iv);
    claims = JSON.parse(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8"));
  } catch {
    throw new InvalidSessionToken("decryption failed");
  }
  if (!claims || typeof claims !== "object" || Array.isArray(claims)) {
    throw new InvalidSessionToken("claims are not an object");
  }
  const { exp, nbf, iat } = claims as Record<string, unknown>;
  const now = Math.floor(Date.now() / 1000);
  if (iat !== undefined && typeof iat !== "number")
    throw new InvalidSessionToken('"iat" claim must be a number');
  if (nbf !== undefined && (typeof nbf !== "number" || nbf > now + CLOCK_TOLERANCE_S)) {
    throw new InvalidSessionToken('"nbf" claim timestamp check failed');
  }
  if (exp !== undefined && (typeof exp !== "number" || exp <= now - CLOCK_TOLERANCE_S)) {
    throw new InvalidSessionToken('"exp" claim timestamp check failed');
  }
  return claims as SessionClaims;
}
