// The session cookie's token: made and read with the key derived once, and still exactly Auth.js's
// token (a cookie from before reads, Auth.js reads ours), refused when forged or under a wrong or
// retired secret.
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-token";

const SALT = "authjs.session-token";
const SECRET = "kX3vQ9pL2mN7rT5wY8zB4cF6hJ1dG0sA";
const OLD_SECRET = "Zq8Wn3Jr5Tv2Yb7Xc4Md9Lf6Kg1Hp0Sa";
const claims = { uid: 42, sv: 3, sid: "session-id" };

describe("session tokens", () => {
  it("reads its own token, and Auth.js's own decode reads it too", async () => {
    const token = await encodeSessionToken({ token: claims, secret: SECRET, salt: SALT, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret: SECRET, salt: SALT })).toMatchObject(claims);
    expect(await decode({ token, secret: SECRET, salt: SALT })).toMatchObject(claims);
  });

  it("reads a cookie Auth.js made (signed in before this change)", async () => {
    const token = await encode({ token: claims, secret: SECRET, salt: SALT, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret: SECRET, salt: SALT })).toMatchObject(claims);
  });

  it("refuses another secret, another cookie name and a changed token", async () => {
    const token = await encodeSessionToken({ token: claims, secret: SECRET, salt: SALT, maxAge: 60 });
    await expect(decodeSessionToken({ token, secret: OLD_SECRET, salt: SALT })).rejects.toThrow();
    await expect(
      decodeSessionToken({ token, secret: SECRET, salt: "__Secure-authjs.session-token" }),
    ).rejects.toThrow();
    const parts = token.split(".");
    const body = parts[3]!;
    parts[3] = (body[0] === "A" ? "B" : "A") + body.slice(1);
    await expect(
      decodeSessionToken({ token: parts.join("."), secret: SECRET, salt: SALT }),
    ).rejects.toThrow();
  });

  it("refuses a token whose header, tag or shape was changed", async () => {
    const token = await encodeSessionToken({ token: claims, secret: SECRET, salt: SALT, maxAge: 60 });
    const parts = token.split(".");
    const header = JSON.parse(Buffer.from(parts[0]!, "base64url").toString()) as Record<string, string>;
    const withHeader = (changed: Record<string, string>) =>
      [Buffer.from(JSON.stringify(changed)).toString("base64url"), ...parts.slice(1)].join(".");
    for (const changed of [
      withHeader({ ...header, enc: "A256GCM" }),
      withHeader({ ...header, zip: "DEF" }),
      withHeader({ ...header, kid: "someone-else" }),
      [...parts.slice(0, 4), Buffer.alloc(32).toString("base64url")].join("."),
      parts.slice(0, 4).join("."),
      "not a token",
    ]) {
      await expect(decodeSessionToken({ token: changed, secret: SECRET, salt: SALT })).rejects.toThrow();
    }
  });

  it("during a secret's rotation reads tokens under the old one, and writes under the new", async () => {
    const old = await encodeSessionToken({ token: claims, secret: OLD_SECRET, salt: SALT, maxAge: 60 });
    const rotating = [SECRET, OLD_SECRET];
    expect(await decodeSessionToken({ token: old, secret: rotating, salt: SALT })).toMatchObject(claims);
    const fresh = await encodeSessionToken({ token: claims, secret: rotating, salt: SALT, maxAge: 60 });
    expect(await decodeSessionToken({ token: fresh, secret: SECRET, salt: SALT })).toMatchObject(claims);
  });

  it("refuses an expired token", async () => {
    const token = await encodeSessionToken({ token: claims, secret: SECRET, salt: SALT, maxAge: -60 });
    await expect(decodeSessionToken({ token, secret: SECRET, salt: SALT })).rejects.toThrow(/exp/);
  });

  it("gives each token its own id and expiry, so no two cookies are the same", async () => {
    const a = await encodeSessionToken({ token: claims, secret: SECRET, salt: SALT, maxAge: 60 });
    const b = await encodeSessionToken({ token: claims, secret: SECRET, salt: SALT, maxAge: 60 });
    expect(a).not.toBe(b);
    const payload = await decodeSessionToken({ token: a, secret: SECRET, salt: SALT });
    expect(payload?.exp).toBeGreaterThan(Date.now() / 1000);
    expect(typeof payload?.jti).toBe("string");
  });
});
