// The build's brotli files go only to a browser whose Accept-Encoding takes brotli.
import { describe, expect, it } from "vitest";
import { acceptsBrotli } from "@/lib/http/static-files";

describe("acceptsBrotli", () => {
  it.each([
    ["gzip, deflate, br", true],
    ["br", true],
    ["gzip, deflate, br, zstd", true],
    ["BR;q=0.8, gzip", true],
    ["br ; q=1", true],
  ])("takes %j", (header, expected) => expect(acceptsBrotli(header)).toBe(expected));
  it.each([
    [undefined, false],
    ["", false],
    ["gzip, deflate", false],
    ["br;q=0", false],
    ["br;q=0.0, gzip", false],
    ["brotli", false],
    ["*", false],
  ])("does not take %j", (header, expected) => expect(acceptsBrotli(header)).toBe(expected));
});
