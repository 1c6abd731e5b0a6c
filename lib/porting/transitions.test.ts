import { describe, expect, it } from "vitest";
import { PortingStatus } from "@/lib/db/generated/enums";
import {
  canTransition,
  nextStatus,
  PORTING_ACTIONS,
  PORTING_STATUSES,
  TRANSITIONS,
  type PortingAction,
} from "./transitions";

// Every (status, action) pair: the moves R10's workflow allows, and a refusal for all the others.
const ALLOWED: Record<PortingAction, Partial<Record<PortingStatus, PortingStatus>>> = {
  start: { SUBMITTED: "IN_PROGRESS" },
  schedule: { IN_PROGRESS: "SCHEDULED", SCHEDULED: "SCHEDULED" },
  complete: { SCHEDULED: "COMPLETED" },
  reject: { SUBMITTED: "REJECTED", IN_PROGRESS: "REJECTED", SCHEDULED: "REJECTED" },
  cancel: { SUBMITTED: "CANCELLED", IN_PROGRESS: "CANCELLED" },
};

describe("porting transitions (R10)", () => {
  const statuses = Object.values(PortingStatus);
  for (const action of PORTING_ACTIONS) {
    for (const from of statuses) {
      const expected = ALLOWED[action][from] ?? null;
      it(`${action} from ${from} ${expected ? `goes to ${expected}` : "is refused"}`, () => {
        expect(nextStatus(from, action)).toBe(expected);
        expect(canTransition(from, action)).toBe(expected !== null);
      });
    }
  }

  it("lists every status of the schema", () => {
    expect([...PORTING_STATUSES].sort()).toEqual(Object.values(PortingStatus).sort());
  });

  it("lists every action of the table", () => {
    expect([...PORTING_ACTIONS].sort()).toEqual(Object.keys(TRANSITIONS).sort());
  });

  it("leaves the final states final", () => {
    for (const final of ["COMPLETED", "REJECTED", "CANCELLED"] as const) {
      expect(PORTING_ACTIONS.filter((a) => canTransition(final, a))).toEqual([]);
    }
  });
});
