// Story: PASSWORD_PEPPERS is read as id:base64secret entries, current first, and a bad value is
// refused without repeating any secret.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pepperRingSchema } from "@/lib/crypto/peppers";

const secret = (bytes = 32) => randomBytes(bytes).toString("base64");

function problemsWith(value: string): string[] {
  const result = pepperRingSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("PASSWORD_PEPPERS", () => {
  it("means no pepper when unset or empty", () => {
    for (const value of [undefined, "", " , "]) {
      const ring = pepperRingSchema.parse(value);
      expect(ring.current).toBeNull();
      expect(ring.byId.size).toBe(0);
    }
  });

  it("makes the first entry current and keeps the others for verifying", () => {
    const k2 = secret();
    const ring = pepperRingSchema.parse(`k2:${k2}, k1:${secret(48)}`);
    expect(ring.current?.id).toBe("k2");
    expect(Buffer.from(ring.current!.secret).toString("base64")).toBe(k2);
    expect([...ring.byId.keys()]).toEqual(["k2", "k1"]);
  });

  it("accepts base64url secrets too", () => {
    const urlSafe = randomBytes(32).toString("base64url");
    expect(pepperRingSchema.parse(`2026-01:${urlSafe}`).current?.id).toBe("2026-01");
  });

  it("refuses a missing id, a bad id, a repeated id and a short or non-base64 secret", () => {
    const short = secret(16);
    const cases = [
      secret(),
      `:${secret()}`,
      `k 1:${secret()}`,
      `k1:${secret()},k1:${secret()}`,
      `k1:${short}`,
      "k1:not base64!",
    ];
    for (const value of cases) {
      const problems = problemsWith(value);
      expect(problems, value).toHaveLength(1);
      expect(problems[0]).toMatch(/^PASSWORD_PEPPERS entry \d: /);
    }
    const refused = pepperRingSchema.safeParse(`k1:${short}`);
    expect(refused.success).toBe(false);
    expect(`${refused.error?.message} ${JSON.stringify(refused.error)}`).not.toContain(short);
  });
});
