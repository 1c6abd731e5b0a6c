import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZId } from "./ids";
import { parseRouteParams, parseSearchParams, searchEnum, searchPage, searchText } from "./search-params";

const ZSearch = z.object({
  page: searchPage,
  status: searchEnum(["OPEN", "DONE"]),
  q: searchText(20),
  pbx: ZId.optional().catch(undefined),
});

describe("query strings", () => {
  it("keeps what is well formed", () => {
    expect(parseSearchParams(ZSearch, { page: "3", status: "DONE", q: " Weber ", pbx: "c" + "a".repeat(24) })).toEqual({
      page: 3,
      status: "DONE",
      q: "Weber",
      pbx: "c" + "a".repeat(24),
    });
  });

  it.each([
    ["an overflowing page", { page: "1e300" }],
    ["a negative page", { page: "-1" }],
    ["a fractional page", { page: "2.5" }],
    ["Infinity", { page: "Infinity" }],
    ["an unknown status", { status: "NOPE" }],
    ["a NUL byte", { status: "\u0000", q: "a\u0000b", pbx: "\u0000" }],
    ["a too long value", { q: "x".repeat(5_000) }],
    ["an id of the wrong shape", { pbx: "' OR 1=1" }],
    ["__proto__", { status: "__proto__", q: "" }],
  ])("falls back to the default view for %s", (_, raw) => {
    expect(parseSearchParams(ZSearch, raw)).toEqual({ page: 1, status: undefined, q: undefined, pbx: undefined });
  });

  it("reads the first of a repeated key instead of failing on an array", () => {
    expect(parseSearchParams(ZSearch, { page: ["2", "3"], status: ["OPEN", "DONE"] })).toMatchObject({
      page: 2,
      status: "OPEN",
    });
  });
});

describe("route params", () => {
  it("answers 404 for an id of the wrong shape", () => {
    expect(() => parseRouteParams(z.object({ id: ZId }), { id: "\u0000" })).toThrow(
      expect.objectContaining({ digest: expect.stringContaining("404") }),
    );
    expect(parseRouteParams(z.object({ id: ZId }), { id: "c" + "b".repeat(24) })).toEqual({ id: "c" + "b".repeat(24) });
  });
});
