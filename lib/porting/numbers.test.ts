import { describe, expect, it } from "vitest";
import { numberTypeOf, parsePortingNumbers, splitNumbers } from "./numbers";
import { utcMinute, ZSchedulePorting, ZSubmitPorting } from "./schemas";

const valid = {
  pbxId: "c" + "a".repeat(24),
  currentOperator: "Telekom",
  accountHolder: "Muster GmbH",
  requestedDate: "2999-01-01",
};

describe("port-in numbers", () => {
  it("normalises numbers typed with spaces, one per line or separated by commas", () => {
    expect(splitNumbers("+49 30 1234 5670\n+493012345671, +493012345672;\n\n")).toEqual([
      "+49 30 1234 5670",
      "+493012345671",
      "+493012345672",
    ]);
    expect(parsePortingNumbers(["+49 30 1234 5670", "+4915112345678"])).toEqual({
      ok: true,
      numbers: [
        { e164: "+493012345670", countryCode: "DE" },
        { e164: "+4915112345678", countryCode: "DE" },
      ],
    });
  });

  it.each([
    [["030 12345670"], /Not valid numbers.*030 12345670/],
    [["+493012"], /Not valid numbers/],
    [["+493012345670", "+49 30 1234 5670"], /more than once: \+493012345670/],
    [["+493012345670", "+33142685300"], /one country; these are of DE, FR/],
    [["+12015550123", "+14165550123"], /one country; these are of US, CA/],
    [[], /Enter the numbers/],
    [Array.from({ length: 101 }, (_, i) => `+4930123456${String(i).padStart(2, "0")}`), /At most 100/],
  ])("refuses %j", (entries, message) => {
    const result = parsePortingNumbers(entries);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it("types a ported number from its numbering plan", () => {
    expect(numberTypeOf("+493012345670")).toBe("GEOGRAPHIC");
    expect(numberTypeOf("+4915112345678")).toBe("MOBILE");
    expect(numberTypeOf("+498001234567")).toBe("FREEPHONE");
  });

  it("reports each bad field of the form under its own name", () => {
    const parsed = ZSubmitPorting.safeParse({
      ...valid,
      numbers: "+49301",
      currentOperator: " ",
      requestedDate: "2000-01-01",
    });
    expect(parsed.success).toBe(false);
    const fields = parsed.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["numbers", "currentOperator", "requestedDate"]));
    expect(fields).not.toContain("accountHolder");
  });

  it("reads the switch time as UTC and refuses one in the past", () => {
    const step = { requestId: valid.pbxId, version: 0 };
    expect(utcMinute(ZSchedulePorting.parse({ ...step, portingAt: "2999-03-01T06:30" }).portingAt).toISOString()).toBe(
      "2999-03-01T06:30:00.000Z",
    );
    expect(ZSchedulePorting.safeParse({ ...step, portingAt: "2001-03-01T06:30" }).success).toBe(false);
    expect(ZSchedulePorting.safeParse({ ...step, portingAt: "tomorrow" }).success).toBe(false);
  });
});
