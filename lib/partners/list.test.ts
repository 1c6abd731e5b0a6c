import { describe, expect, it } from "vitest";
import { makeCustomer, makePartner, makePbx, makeTier, makeTwoTenants, makeUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { suspendAgreement } from "./agreement";
import { partnerDetail } from "./detail";
import { listPartners, PARTNERS_PAGE_SIZE, priceListTierOptions } from "./list";
import { changePartnerTier } from "./tier-change";

const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);
const silver = await makeTier(prisma, "SILVER");
const now = new Date("2026-12-07T10:00:00Z");

// A partner made for the search: a name, a VAT number, a billing e-mail and a user's e-mail to find it by.
const zephyr = await makePartner(prisma, "Zephyr Telecom 50% GmbH");
await prisma.partner.update({
  where: { id: zephyr.id },
  data: { vatNumber: "DE136695976", billingEmail: "invoices@zephyr-tel.example" },
});
await makeUser(prisma, "PARTNER", { partnerId: zephyr.id }, { email: "marta@zephyr-voice.example" });
const zephyrCustomers = [await makeCustomer(prisma, zephyr.id), await makeCustomer(prisma, zephyr.id)];
for (const customer of zephyrCustomers) await makePbx(prisma, customer.id);
await makePbx(prisma, zephyrCustomers[0].id);
await changePartnerTier(prisma, admin, { partnerId: zephyr.id, tierId: silver.id, from: "2027-03-01" }, now);

const ids = async (search: object) => (await listPartners(prisma, admin, search)).rows.map((r) => r.id);

describe("the partners list", () => {
  it("finds a partner by its name, VAT number (typed with spaces too), billing e-mail or a user's e-mail", async () => {
    for (const q of ["zephyr telecom", "136695976", "DE 136 695 976", "invoices@zephyr", "marta@zephyr-voice"])
      expect(await ids({ q }), q).toEqual([zephyr.id]);
    // LIKE's wildcards typed mean themselves.
    expect(await ids({ q: "50%" })).toEqual([zephyr.id]);
    expect(await ids({ q: "%" })).toEqual([zephyr.id]);
  });

  it("counts each partner's customers and PBXs", async () => {
    const [row] = (await listPartners(prisma, admin, { q: "zephyr" })).rows;
    expect(row).toMatchObject({ name: "Zephyr Telecom 50% GmbH", customers: 2, pbxs: 3, tier: { code: "GOLD" } });
  });

  it("filters by tier and agreement status, and sorts on the server", async () => {
    await suspendAgreement(prisma, admin, { partnerId: b.partner.id, reason: "Invoices unpaid" });
    expect(await ids({ status: "SUSPENDED" })).toEqual([b.partner.id]);
    expect(await ids({ tier: "SILVER" })).toEqual([]);
    expect((await ids({ tier: "GOLD" })).sort()).toEqual([a.partner.id, b.partner.id, zephyr.id].sort());
    expect((await ids({ sort: "-customers" }))[0]).toBe(zephyr.id);
    const byName = (await listPartners(prisma, admin, { sort: "name" })).rows.map((r) => r.name);
    expect(byName).toEqual([...byName].sort((x, y) => x.localeCompare(y)));
    // A value the list does not know shows the default view rather than failing.
    expect(await ids({ status: "GONE", sort: "nonsense", tier: "lower case" })).toHaveLength(3);
  });

  it("pages on the server, keeping the page within the pages there are", async () => {
    for (let i = 0; i < PARTNERS_PAGE_SIZE; i++)
      await makePartner(prisma, `Paged partner ${String(i).padStart(2, "0")}`);
    const first = await listPartners(prisma, admin, { q: "Paged partner", page: "1" });
    expect(first).toMatchObject({ total: PARTNERS_PAGE_SIZE, page: 1, pageCount: 1 });
    const all = await listPartners(prisma, admin, { sort: "name", page: "2" });
    expect(all.page).toBe(2);
    expect(all.rows).toHaveLength(all.total - PARTNERS_PAGE_SIZE);
    expect((await listPartners(prisma, admin, { page: "999" })).page).toBe(all.pageCount);
  });
});

describe("a partner's page", () => {
  it("shows the company, its tier history with the upcoming change, its users, counts and audit trail", async () => {
    const detail = await partnerDetail(prisma, admin, zephyr.id, now);
    expect(detail.partner).toMatchObject({ name: "Zephyr Telecom 50% GmbH", agreementStatus: "ACTIVE" });
    expect(detail.tierInForce.code).toBe("GOLD");
    expect(detail.periods.map((p) => [p.tier.code, p.state])).toEqual([
      ["SILVER", "upcoming"],
      ["GOLD", "in force"],
    ]);
    expect(detail.users.map((u) => u.email)).toEqual(["marta@zephyr-voice.example"]);
    expect(detail.counts).toMatchObject({ customers: 2, pbxs: 3 });
    expect(detail.history.map((h) => h.label)).toEqual(["Partner tier changed"]);
    expect(detail.history[0].sentence).toContain("moved Zephyr Telecom 50% GmbH to the Silver tier from 01 Mar 2027");
  });

  it("answers NOT_FOUND for an id that names no partner", async () => {
    await expect(partnerDetail(prisma, admin, "c000000000000000000000000")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("partners never see other partners", () => {
  it("refuses the list, a partner's page and the tiers to a partner (its admin too) and to an end user", async () => {
    for (const actor of [a.partnerActor, { ...a.partnerActor, isPartnerAdmin: true }, a.endUserActor]) {
      await expect(listPartners(prisma, actor, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(partnerDetail(prisma, actor, b.partner.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(partnerDetail(prisma, actor, a.partner.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(priceListTierOptions(prisma, actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
