// Story: what the app must read back is stored encrypted; a box opens only with its own secret and
// purpose, and any change to it is detected.
import { describe, expect, it } from "vitest";
import { open, seal } from "@/lib/secret-box";

const SECRET = "a-secret-that-is-long-enough-0123456789";

describe("the secret box", () => {
  it("opens what it sealed, and hides it", () => {
    const box = seal("JBSWY3DPEHPK3PXP", SECRET, "totp");
    expect(box).not.toContain("JBSWY3DPEHPK3PXP");
    expect(open(box, SECRET, "totp")).toBe("JBSWY3DPEHPK3PXP");
    expect(seal("same", SECRET, "totp")).not.toBe(seal("same", SECRET, "totp"));
  });

  it("refuses another secret, another purpose, a changed box and rubbish", () => {
    const box = seal("Brook-Piano-Walnut-54", SECRET, "slips");
    expect(open(box, `${SECRET}x`, "slips")).toBeNull();
    expect(open(box, SECRET, "totp")).toBeNull();
    const [v, iv, body, tag] = box.split(".");
    const flipped = body!.startsWith("A") ? `B${body!.slice(1)}` : `A${body!.slice(1)}`;
    expect(open([v, iv, flipped, tag].join("."), SECRET, "slips")).toBeNull();
    for (const rubbish of ["", "v1", "v1...", "v2.a.b.c", `${box}.extra`])
      expect(open(rubbish, SECRET, "slips")).toBeNull();
  });
});
