import { describe, expect, it } from "vitest";
import { takeRateLimit } from "@/lib/data/rate-limits";

const config = { windowSeconds: 300, limits: { signIn: 10, reset: 5, resetPages: 5 } };

describe("rate limits in the database", () => {
  it("let exactly the limit through, even when the requests arrive at once", async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 40 }, () => takeRateLimit("signIn", "203.0.113.40", config)),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    const refused = verdicts.find((v) => !v.allowed);
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("keep addresses and scopes apart", async () => {
    for (let i = 0; i < 5; i++) await takeRateLimit("reset", "203.0.113.41", config);
    expect((await takeRateLimit("reset", "203.0.113.41", config)).allowed).toBe(false);
    expect((await takeRateLimit("reset", "203.0.113.42", config)).allowed).toBe(true);
    expect((await takeRateLimit("signIn", "203.0.113.41", config)).allowed).toBe(true);
  });

  it("start over in the next window", async () => {
    const now = new Date();
    for (let i = 0; i < 6; i++) await takeRateLimit("reset", "203.0.113.43", config, now);
    expect((await takeRateLimit("reset", "203.0.113.43", config, now)).allowed).toBe(false);
    const later = new Date(now.getTime() + 300_000);
    expect((await takeRateLimit("reset", "203.0.113.43", config, later)).allowed).toBe(true);
  });
});
