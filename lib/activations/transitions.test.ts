import { describe, expect, it } from "vitest";
import { ActivationStatus } from "@/lib/db/generated/enums";
import { TRANSITIONS, nextStatus, type ActivationAction } from "./transitions";

// The whole table, written out: any change to the workflow must change this test too.
const EXPECTED: Record<ActivationAction, Partial<Record<ActivationStatus, ActivationStatus>>> = {
  submit: { DRAFT: "SUBMITTED" },
  resubmit: { CHANGES_REQUESTED: "SUBMITTED" },
  start_review: { SUBMITTED: "IN_REVIEW" },
  approve: { SUBMITTED: "APPROVED", IN_REVIEW: "APPROVED" },
  reject: { SUBMITTED: "REJECTED", IN_REVIEW: "REJECTED" },
  request_changes: { SUBMITTED: "CHANGES_REQUESTED", IN_REVIEW: "CHANGES_REQUESTED" },
};

describe("activation transitions", () => {
  for (const action of Object.keys(TRANSITIONS) as ActivationAction[]) {
    for (const from of Object.values(ActivationStatus)) {
      it(`${action} from ${from} → ${EXPECTED[action][from] ?? "refused"}`, () => {
        expect(nextStatus(from, action)).toBe(EXPECTED[action][from] ?? null);
      });
    }
  }

  it("has no way out of APPROVED or REJECTED", () => {
    for (const action of Object.keys(TRANSITIONS) as ActivationAction[]) {
      expect(nextStatus("APPROVED", action)).toBeNull();
      expect(nextStatus("REJECTED", action)).toBeNull();
    }
  });
});
