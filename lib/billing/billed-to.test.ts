import { describe, expect, it } from "vitest";
import { billedToOf } from "./billed-to";

const partner = {
  name: "Alpentel GmbH",
  countryCode: "DE",
  vatNumber: "DE123456788",
  billingEmail: "billing@alpentel.example",
  country: { name: "Germany" },
};

describe("billedToOf", () => {
  it("keeps what the invoice froze, whatever the partner's record says now", () => {
    const frozen = { ...partner, name: "Alpentel AG", countryName: "Germany", country: undefined };
    delete frozen.country;
    expect(billedToOf(frozen, partner)).toEqual({
      name: "Alpentel AG",
      countryCode: "DE",
      countryName: "Germany",
      vatNumber: "DE123456788",
      billingEmail: "billing@alpentel.example",
    });
  });

  it("bills an invoice from before billedTo existed ({}), or a malformed one, as the partner's record reads", () => {
    for (const stored of [{}, { name: "" }, null, "Alpentel", [1]])
      expect(billedToOf(stored, partner)).toMatchObject({ name: "Alpentel GmbH", countryName: "Germany" });
  });
});
