// Story: a device that signed in to an account keeps a token for it, and only a genuine token for
// that very account lets its tries count against the device instead of the account.
import { describe, expect, it } from "vitest";
import { deviceTokensOf, newDeviceToken, trustedDeviceKey, withDeviceToken } from "@/lib/auth/device-trust";

const SECRET = "a-secret-that-is-long-enough-0123456789";

describe("device tokens", () => {
  it("trust a device for the account it signed in to, and for no other", () => {
    const token = newDeviceToken(SECRET, 42);
    expect(trustedDeviceKey(SECRET, [token], 42)).toMatch(/^d:[0-9a-f]{64}$/);
    expect(trustedDeviceKey(SECRET, [token], 43)).toBeNull();
    expect(trustedDeviceKey(`${SECRET}x`, [token], 42)).toBeNull();
    const [id, nonce, mac] = token.split(".");
    expect(trustedDeviceKey(SECRET, [`43.${nonce}.${mac}`], 43)).toBeNull();
    expect(
      trustedDeviceKey(SECRET, [`${id}.${nonce}.${mac!.replace(/^./, (c) => (c === "A" ? "B" : "A"))}`], 42),
    ).toBeNull();
  });

  it("keep one token per account, the newest five", () => {
    let cookie = "";
    for (let user = 1; user <= 7; user++)
      cookie = withDeviceToken(deviceTokensOf(cookie), newDeviceToken(SECRET, user));
    const again = newDeviceToken(SECRET, 7);
    cookie = withDeviceToken(deviceTokensOf(cookie), again);
    const tokens = deviceTokensOf(cookie);
    expect(tokens.map((t) => t.split(".")[0])).toEqual(["7", "6", "5", "4", "3"]);
    expect(tokens[0]).toBe(again);
    expect(deviceTokensOf("rubbish~1.2.3~<script>")).toEqual([]);
  });
});
