import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { PERMISSIONS, assertCan, can, homePath, scope } from "./policy";

const admin: Actor = {
  userId: "u1",
  role: "ADMIN",
  partnerId: null,
  customerId: null,
  isPartnerAdmin: false,
  name: "A",
  email: "a@x",
};
const partner: Actor = {
  userId: "u2",
  role: "PARTNER",
  partnerId: "p1",
  customerId: null,
  isPartnerAdmin: false,
  name: "P",
  email: "p@x",
};
const endUser: Actor = {
  userId: "u3",
  role: "END_USER",
  partnerId: null,
  customerId: "c1",
  isPartnerAdmin: false,
  name: "E",
  email: "e@x",
};

describe("policy", () => {
  it("gives each role its own area and nobody else's", () => {
    expect([can(admin, "admin.area"), can(partner, "admin.area"), can(endUser, "admin.area")]).toEqual([
      true,
      false,
      false,
    ]);
    expect([can(admin, "partner.area"), can(partner, "partner.area"), can(endUser, "partner.area")]).toEqual([
      false,
      true,
      false,
    ]);
    expect([can(admin, "customer.area"), can(partner, "customer.area"), can(endUser, "customer.area")]).toEqual([
      false,
      false,
      true,
    ]);
  });

  it("lets only partners request activations and only admins review them", () => {
    expect(PERMISSIONS.filter((p) => can(partner, p))).toContain("activation.request");
    expect(can(admin, "activation.request")).toBe(false);
    expect(can(admin, "activation.review")).toBe(true);
    expect(can(partner, "activation.review")).toBe(false);
    expect(can(endUser, "pricelist.view")).toBe(false);
  });

  it("throws a FORBIDDEN AppError when a permission is missing", () => {
    expect(() => assertCan(endUser, "audit.view")).toThrowError(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => assertCan(admin, "audit.view")).not.toThrow();
  });

  it("scopes queries by the actor's own tenant", () => {
    expect(scope.pbxs(admin)).toEqual({});
    expect(scope.pbxs(partner)).toEqual({ customer: { partnerId: "p1" } });
    expect(scope.pbxs(endUser)).toEqual({ customerId: "c1" });
    expect(scope.activationRequests(endUser)).toEqual({ id: { in: [] } });
    expect(scope.callRecords(partner)).toEqual({ partnerId: "p1" });
  });

  it("lets admins manage every account and a partner admin only its colleagues and its customers' end users", () => {
    expect(scope.users(admin)).toEqual({});
    expect(scope.users({ ...partner, isPartnerAdmin: true })).toEqual({
      OR: [{ partnerId: "p1" }, { customer: { partnerId: "p1" } }],
    });
    expect(scope.users(partner)).toEqual({ id: { in: [] } });
    expect(scope.users(endUser)).toEqual({ id: { in: [] } });
    expect([
      can(partner, "users.manage"),
      can({ ...partner, isPartnerAdmin: true }, "users.manage"),
      can(endUser, "users.manage"),
    ]).toEqual([false, true, false]);
  });

  it("refuses to scope a partner account that has no partner", () => {
    expect(() => scope.pbxs({ ...partner, partnerId: null })).toThrowError(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
  });

  it("sends each role to its home", () => {
    expect([homePath(admin), homePath(partner), homePath(endUser)]).toEqual(["/admin", "/partner", "/customer"]);
  });
});
