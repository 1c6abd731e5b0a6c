import { describe, expect, it } from "vitest";
import { formatCount, formatOrdinal, formatPageSummary } from "./format";

describe("formatOrdinal", () => {
  it("says positions as people do", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(formatOrdinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "101st",
    ]);
  });
});

describe("formatCount", () => {
  it("puts the noun in the form the count needs", () => {
    expect([0, 1, 2, 60].map((n) => formatCount(n, "number"))).toEqual([
      "0 numbers",
      "1 number",
      "2 numbers",
      "60 numbers",
    ]);
    expect(formatCount(1, "range")).toBe("1 range");
    expect(formatCount(3, "number needs", "numbers need")).toBe("3 numbers need");
  });
});

describe("formatPageSummary", () => {
  it("counts the rows and names the page", () => {
    expect(formatPageSummary(1204, "ticket", 2, 49)).toBe("1,204 tickets · page 2 of 49");
    expect(formatPageSummary(1, "user", 1, 1)).toBe("1 user · page 1 of 1");
  });
});
