import { describe, expect, it } from "vitest";
import { formatOrdinal } from "./format";

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
