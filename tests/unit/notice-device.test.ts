import { describe, expect, it } from "vitest";
import { peerHeaderName } from "@/lib/http/client-address";
import { deviceKindOf } from "@/lib/mail/device-kind";
import { retryDelayMs } from "@/lib/mail/delivery";
import { clientInfoFrom } from "@/lib/http/request";

describe("what a notice says about the device", () => {
  it.each([
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 Safari/604.1", "phone"],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36",
      "phone",
    ],
    ["Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 Chrome/126.0 Safari/537.36", "tablet"],
    ["Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", "tablet"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36", "computer"],
    ["Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 Chrome/126.0 Safari/537.36", "computer"],
    ["curl/8.5.0", "unknown"],
    ["", "unknown"],
    [null, "unknown"],
  ])("calls %j a %s", (userAgent, kind) => {
    expect(deviceKindOf(userAgent)).toBe(kind);
  });

  it("reads the request's address in canonical form and at most 512 characters of its user agent", () => {
    const request = new Headers({ [peerHeaderName()]: "::ffff:203.0.113.10", "user-agent": "x".repeat(600) });
    expect(clientInfoFrom(request)).toEqual({ address: "203.0.113.10", userAgent: "x".repeat(512) });
    expect(clientInfoFrom(new Headers({ [peerHeaderName()]: "not an address" }))).toEqual({
      address: null,
      userAgent: null,
    });
  });
});

describe("the outbox's backoff", () => {
  it("doubles from the first delay up to the cap, give or take a fifth", () => {
    const settings = { retryBaseMs: 30_000, retryMaxMs: 3_600_000 };
    for (const [attempt, expected] of [
      [1, 30_000],
      [2, 60_000],
      [5, 480_000],
      [9, 3_600_000],
      [30, 3_600_000],
    ] as const) {
      const delay = retryDelayMs(attempt, settings);
      expect(delay).toBeGreaterThanOrEqual(expected * 0.8);
      expect(delay).toBeLessThanOrEqual(expected * 1.2);
    }
  });
});
