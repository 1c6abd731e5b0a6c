import { describe, expect, it } from "vitest";
import { canonicalTimeZone, timeZoneChoices, ZOptionalTimeZone, ZTimeZone } from "./time-zone";

describe("IANA time zones", () => {
  it("takes the runtime's zones and UTC, by their canonical names", () => {
    expect(canonicalTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    // An alias means its zone, whichever name this runtime's ICU keeps.
    expect(canonicalTimeZone("US/Eastern")).toBe("America/New_York");
    expect(canonicalTimeZone("Europe/Kyiv")).toBe(canonicalTimeZone("Europe/Kiev"));
  });

  it("refuses what is not an office's zone: unknown names, offsets, Etc/ zones", () => {
    for (const name of ["Mars/Olympus_Mons", "+01:00", "Etc/GMT+5", "", "Europe/Berlin; DROP"])
      expect(canonicalTimeZone(name)).toBeNull();
    expect(ZTimeZone.safeParse("Etc/GMT+5").error?.issues[0]?.message).toMatch(/time zone from the list/);
  });

  it("reads empty as none, and offers only zones it accepts", () => {
    expect(ZOptionalTimeZone.parse("")).toBeNull();
    expect(ZOptionalTimeZone.parse(null)).toBeNull();
    expect(ZOptionalTimeZone.parse(" Asia/Tokyo ")).toBe("Asia/Tokyo");
    const choices = timeZoneChoices();
    expect(choices).toContain("UTC");
    expect(choices.every((zone) => canonicalTimeZone(zone) !== null)).toBe(true);
  });
});
