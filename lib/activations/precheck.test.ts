import { describe, expect, it } from "vitest";
import { precheckActivationRequest } from "./precheck";

const empty = {
  legalName: "",
  vatNumber: "",
  addressLine: "",
  postcode: "",
  city: "",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
};

describe("the pre-check", () => {
  it("gives one message per field, however many rules the value breaks", () => {
    const issues = precheckActivationRequest({
      status: "DRAFT",
      countryActivationEnabled: true,
      legalEntity: empty,
      documents: [],
    });
    const targets = issues.map((i) => i.target);
    expect(targets).toEqual([...new Set(targets)]);
    expect(issues.filter((i) => i.target === "vatNumber")).toHaveLength(1);
  });

  it("accepts a replaced document before resubmission, and asks for one not yet replaced", () => {
    const doc = {
      id: "d1",
      name: "Proof of address",
      mandatory: true,
      fileId: "f2",
      reviewStatus: "CHANGES_REQUESTED",
      expiresAt: null,
    };
    const valid = {
      legalName: "Brauhaus Technik GmbH",
      vatNumber: "DE123456788",
      addressLine: "Leopoldstraße 12",
      postcode: "80802",
      city: "München",
      contactName: "Anna Weber",
      contactEmail: "anna@brauhaus.example",
      contactPhone: "+4989123456",
    };
    const base = { status: "CHANGES_REQUESTED", countryActivationEnabled: true, legalEntity: valid };
    expect(precheckActivationRequest({ ...base, documents: [{ ...doc, replacedFileId: null }] })).toEqual([
      { target: "document:d1", message: "Proof of address: replace this document as asked." },
    ]);
    expect(precheckActivationRequest({ ...base, documents: [{ ...doc, replacedFileId: "f1" }] })).toEqual([]);
  });
});
