import { describe, expect, it } from "vitest";
import { canonicalAddress, clientAddressOf } from "@/lib/http/client-address";
import { scopeOf, windowOf } from "@/lib/limits/rate-limit";

describe("rate limits", () => {
  it("count the posts that sign in or reset, and the reset path's pages as they are read", () => {
    expect(scopeOf("POST", "/login")).toBe("signIn");
    expect(scopeOf("POST", "/sspr/challenge")).toBe("reset");
    expect(scopeOf("POST", "/sspr")).toBe("reset");
    expect(scopeOf("GET", "/sspr/challenge")).toBe("resetPages");
    expect(scopeOf("HEAD", "/sspr/search")).toBe("resetPages");
    expect(scopeOf("GET", "/login")).toBeNull();
    expect(scopeOf("POST", "/setup-questions")).toBeNull();
    expect(scopeOf("POST", "/ssprx")).toBeNull();
    expect(scopeOf("GET", "/ssprx")).toBeNull();
  });

  it("tell how long until the window ends", () => {
    const now = new Date("2026-11-27T10:02:30Z");
    const window = windowOf(now, 300);
    expect(window.start.toISOString()).toBe("2026-11-27T10:00:00.000Z");
    expect(window.retryAfterSeconds).toBe(150);
  });
});

describe("the client's address", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("198.51.100.7", null, 0)).toBe("198.51.100.7");
    expect(clientAddressOf("198.51.100.7", "203.0.113.99", 0)).toBe("198.51.100.7");
    expect(clientAddressOf("::ffff:127.0.0.1", "1.2.3.4, 5.6.7.8", 0)).toBe("127.0.0.1");
  });

  it("is the entry the nearest trusted proxy appended, not one the client made up", () => {
    // Behind one proxy: the client may send any X-Forwarded-For; the proxy appends the truth.
    expect(clientAddressOf("10.0.0.2", "10.0.0.1, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddressOf("10.0.0.2", "1.1.1.1, 203.0.113.9, 192.0.2.4", 2)).toBe("203.0.113.9");
    // A chain shorter than the trusted hops: its first entry (here, the peer itself).
    expect(clientAddressOf("10.0.0.2", null, 1)).toBe("10.0.0.2");
  });

  it("is never something that is not an IP address", () => {
    for (const made of ["Address: you have won", "evil.example", "1.2.3.4:80", "<script>", "999.1.1.1"]) {
      expect(canonicalAddress(made)).toBeNull();
      expect(clientAddressOf("198.51.100.7", made, 1)).toBeNull();
      expect(clientAddressOf(made, null, 0)).toBeNull();
    }
    expect(canonicalAddress("")).toBeNull();
    expect(clientAddressOf(null, "203.0.113.5", 0)).toBeNull();
    expect(canonicalAddress("2001:DB8::1")).toBe("2001:db8::1");
  });
});
