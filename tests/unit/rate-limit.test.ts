import { describe, expect, it } from "vitest";
import { clientAddressOf, scopeOf, windowOf } from "@/lib/rate-limit";

describe("rate limits", () => {
  it("count only the posts that sign in or reset", () => {
    expect(scopeOf("POST", "/login")).toBe("signIn");
    expect(scopeOf("POST", "/api/auth/callback/credentials")).toBe("signIn");
    expect(scopeOf("POST", "/sspr/challenge")).toBe("reset");
    expect(scopeOf("POST", "/sspr")).toBe("reset");
    expect(scopeOf("GET", "/login")).toBeNull();
    expect(scopeOf("POST", "/setup-questions")).toBeNull();
    expect(scopeOf("POST", "/ssprx")).toBeNull();
  });

  it("tell how long until the window ends", () => {
    const now = new Date("2026-11-27T10:02:30Z");
    const window = windowOf(now, 300);
    expect(window.start.toISOString()).toBe("2026-11-27T10:00:00.000Z");
    expect(window.retryAfterSeconds).toBe(150);
  });

  it("take the address the nearest trusted proxy appended, not one the client made up", () => {
    expect(clientAddressOf("198.51.100.7", 0)).toBe("198.51.100.7");
    // Behind one proxy: the client may send any X-Forwarded-For; the proxy appends the truth.
    expect(clientAddressOf("10.0.0.1, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddressOf("1.1.1.1, 203.0.113.9, 192.0.2.4", 2)).toBe("203.0.113.9");
    expect(clientAddressOf(null, 1)).toBe("unknown");
  });
});
