import { describe, expect, it } from "vitest";
import { smsEntitlements } from "./licence-entitlements";
import { SMS_MAX_CHARACTERS, ZSmsMessage } from "./message-rules";

describe("R15 who may send SMS", () => {
  const licences = [
    { type: "PREMIUM" as const, quantity: 1 },
    { type: "BASIC" as const, quantity: 3 },
    { type: "BUSINESS" as const, quantity: 2 },
    { type: "ESSENTIAL" as const, quantity: 4 },
  ];

  it("lets Essential and higher send, Business and higher use two-way on a two-way number", () => {
    expect(smsEntitlements(licences, true)).toEqual([
      { type: "BASIC", users: 3, canSendSms: false, canUseTwoWaySms: false },
      { type: "ESSENTIAL", users: 4, canSendSms: true, canUseTwoWaySms: false },
      { type: "BUSINESS", users: 2, canSendSms: true, canUseTwoWaySms: true },
      { type: "PREMIUM", users: 1, canSendSms: true, canUseTwoWaySms: true },
    ]);
  });

  it("offers no two-way SMS without a number of a two-way country", () => {
    expect(smsEntitlements(licences, false).some((e) => e.canUseTwoWaySms)).toBe(false);
  });
});

describe("R15 message rules", () => {
  it("accepts an E.164 recipient and a message of up to 670 characters", () => {
    expect(ZSmsMessage.safeParse({ to: "+447700900123", text: "x".repeat(SMS_MAX_CHARACTERS) }).success).toBe(true);
  });

  it("refuses national numbers, and says why", () => {
    for (const to of ["07700900123", "+0441234", "00447700900123", "+44 7700 900123", "+1234567890123456"]) {
      const parsed = ZSmsMessage.safeParse({ to, text: "Hello" });
      expect(parsed.success, to).toBe(false);
      expect(parsed.error?.issues[0].message).toMatch(/E\.164/);
    }
  });

  it("refuses a message of 671 characters, counting symbols rather than UTF-16 units", () => {
    expect(
      ZSmsMessage.safeParse({ to: "+15551234567", text: "x".repeat(SMS_MAX_CHARACTERS + 1) }).error?.issues[0].message,
    ).toMatch(/670/);
    expect(ZSmsMessage.safeParse({ to: "+15551234567", text: "😀".repeat(SMS_MAX_CHARACTERS) }).success).toBe(true);
  });
});
