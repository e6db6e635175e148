import { describe, expect, it, vi } from "vitest";
import { shownAddress } from "@/app/admin/address";
import { loadOr404, parseSlipSetId } from "@/app/admin/load";
import { ForbiddenError } from "@/lib/data/errors";
import { parseRowId } from "@/lib/forms/row-id";

/** What a page gets when it says notFound(): Next's 404, thrown. */
async function status(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "loaded";
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.endsWith(";404")) return "404";
    throw error;
  }
}

const params = (id: string) => Promise.resolve({ id });

describe("the administration's pages", () => {
  it("load the row the address names, or give the plain 404 for an id that is none, made up, or another school's", async () => {
    const load = vi.fn((id: number) =>
      id === 7 ? Promise.resolve({ id }) : Promise.reject(new ForbiddenError()),
    );
    expect(await loadOr404(params("7"), parseRowId, load)).toEqual({ id: 7 });
    expect(await status(loadOr404(params("8"), parseRowId, load))).toBe("404");
    for (const text of ["", "0", "07", "-7", "7.0", "abc", "2147483648", "99999999999"]) {
      expect(await status(loadOr404(params(text), parseRowId, load)), text).toBe("404");
    }
    // Text that is no id never reaches the data function.
    expect(load.mock.calls.map(([id]) => id)).toEqual([7, 8]);
  });

  it("let any other failure through: a broken database is not a 404", async () => {
    const broken = () => Promise.reject(new Error("connection refused"));
    await expect(loadOr404(params("7"), parseRowId, broken)).rejects.toThrow("connection refused");
  });

  it("name a set of login slips by its random uuid only, never by a serial number", () => {
    expect(parseSlipSetId("0f8fad5b-d9cb-469f-a165-70867728950e")).toBe(
      "0f8fad5b-d9cb-469f-a165-70867728950e",
    );
    expect(parseSlipSetId("12")).toBeUndefined();
    expect(parseSlipSetId("0f8fad5b-d9cb-469f-a165-70867728950e/../1")).toBeUndefined();
  });

  it("show an IPv4 client that a dual-stack socket saw as ::ffff:… as the IPv4 address it is", () => {
    expect(shownAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(shownAddress("::FFFF:203.0.113.9")).toBe("203.0.113.9");
    expect(shownAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(shownAddress("::1")).toBe("::1");
    expect(shownAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(shownAddress(null)).toBeNull();
  });
});
