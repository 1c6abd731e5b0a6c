import { describe, expect, it } from "vitest";
import { assignSite } from "@/lib/emergency/assign";
import { listEmergencyNumbers } from "@/lib/emergency/numbers";
import { createSite } from "@/lib/emergency/sites";
import { AppError } from "@/lib/errors";
import { makeActiveService, makeNumbers, makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { openTicket } from "@/lib/tickets/open-ticket";
import { setDefaultCallerNumber } from "./default-caller";
import { searchPbxNumbers } from "./picker";

// Issue 32, findings 1 and 2: a PBX with hundreds of numbers. Its pickers search the server by any
// part of the digits, within the actor's scope, and offer only what the server then accepts.
const { prisma } = await createTestDatabase();
const { a, b } = await makeTwoTenants(prisma);
await makeActiveService(prisma, a.pbx);
const owner = { partnerId: a.partner.id, pbxId: a.pbx.id };
// 203 German numbers (EU: a caller ID needs a location), then 5 US and 5 Italian ones.
const german = await makeNumbers(prisma, owner, 203, "DE");
const us = await makeNumbers(prisma, owner, 5, "US");
const italian = await makeNumbers(prisma, owner, 5, "IT");
const located = german[150]!;
await prisma.phoneNumber.update({ where: { id: located.id }, data: { emergencyStatus: "PENDING" } });
// Five digits in these tests: four could, rarely, also occur inside another of the PBX's random numbers.
const lastDigits = (e164: string) => e164.slice(-5);

describe("the default-caller picker (R11)", () => {
  it("finds a number past the first hundred by a few of its digits, and only the PBX's own", async () => {
    const found = await searchPbxNumbers(prisma, a.partnerActor, {
      pbxId: a.pbx.id,
      q: lastDigits(located.e164),
      purpose: "defaultCaller",
    });
    expect(found.rows.map((r) => r.e164)).toEqual([located.e164]);
    expect(found.rows[0]!.refusal).toBeNull();
    // Another partner naming this PBX finds nothing: the scope is ANDed with the search.
    const stranger = await searchPbxNumbers(prisma, b.partnerActor, { pbxId: a.pbx.id, purpose: "defaultCaller" });
    expect(stranger).toMatchObject({ rows: [], total: 0, accepted: 0 });
  });

  it("offers exactly what the server accepts and says why for the rest", async () => {
    const all = await searchPbxNumbers(prisma, a.partnerActor, { pbxId: a.pbx.id, purpose: "defaultCaller" });
    expect(all.total).toBe(213);
    // The located German number and the Italian ones? Italy is in the EU too: only the located one.
    expect(all.accepted).toBe(1);
    const refused = all.rows.find((r) => r.refusal);
    expect(refused?.refusal).toBe("No emergency location yet");
    await expect(
      setDefaultCallerNumber(prisma, a.partnerActor, { pbxId: a.pbx.id, numberId: refused!.id }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(
      setDefaultCallerNumber(prisma, a.partnerActor, { pbxId: a.pbx.id, numberId: located.id }),
    ).resolves.toEqual({ e164: located.e164 });
  });
});

describe("the CNAM and blocking pickers (R12, R17)", () => {
  it("lists every number but accepts only US and Canadian ones for a caller name", async () => {
    const page = await searchPbxNumbers(prisma, a.partnerActor, {
      pbxId: a.pbx.id,
      q: italian[0]!.e164,
      purpose: "cnam",
    });
    expect(page.rows.map((r) => r.refusal)).toEqual(["A caller name is for US and Canadian numbers only"]);
    expect(page.accepted).toBe(0);
    const paged = await searchPbxNumbers(prisma, a.partnerActor, { pbxId: a.pbx.id, purpose: "any", page: 3 });
    expect(paged).toMatchObject({ total: 213, page: 3, pageCount: 22 });
    expect(paged.rows).toHaveLength(10);
  });

  it("opens a ticket for every number matching a search, resolved on the server", async () => {
    const ticket = await openTicket(prisma, a.partnerActor, {
      category: "CNAM",
      pbxId: a.pbx.id,
      numbersMatching: { q: "" },
      callerName: "Brauhaus",
      subject: "Caller name",
      message: "Please show Brauhaus.",
    });
    const numbers = await prisma.ticketNumber.findMany({
      where: { ticketId: ticket.id },
      select: { phoneNumberId: true },
    });
    // Only the US numbers: the 208 others would be refused.
    expect(numbers.map((n) => n.phoneNumberId).sort()).toEqual(us.map((n) => n.id).sort());

    const blocking = await openTicket(prisma, a.partnerActor, {
      category: "NUMBER_BLOCKING",
      pbxId: a.pbx.id,
      numbersMatching: { q: german[0]!.e164.slice(0, -3) },
      subject: "Block these",
      message: "Please block every number of this range.",
    });
    expect(await prisma.ticketNumber.count({ where: { ticketId: blocking.id } })).toBe(203);
    // Another partner's "all matching" on this PBX is refused like its ids would be.
    await expect(
      openTicket(prisma, b.partnerActor, {
        category: "NUMBER_BLOCKING",
        pbxId: a.pbx.id,
        numbersMatching: { q: "" },
        subject: "Block these",
        message: "Not my PBX.",
      }),
    ).rejects.toBeInstanceOf(AppError);
  });
});

describe("the emergency page's numbers (R13)", () => {
  it("finds a number by any part of its digits and assigns a site to all that match", async () => {
    const target = german[42]!;
    const found = await listEmergencyNumbers(prisma, a.partnerActor, { q: lastDigits(target.e164) });
    expect(found.numbers.map((n) => n.e164)).toEqual([target.e164]);
    expect(found.counts.NO_LOCATION).toBe(1);

    const site = await createSite(prisma, a.partnerActor, {
      customerId: a.customer.id,
      site: {
        name: "Munich HQ",
        street: "Leopoldstraße",
        houseNumber: "12",
        postcode: "80802",
        city: "München",
        countryCode: "DE",
      },
    });
    const tens = target.e164.slice(0, -1);
    const result = await assignSite(prisma, a.partnerActor, {
      siteId: site.id,
      matching: { pbxId: a.pbx.id, q: tens },
    });
    expect(result.assigned).toBe(10);
    expect(
      await prisma.phoneNumber.count({ where: { e164: { startsWith: tens }, emergencyLocationId: site.id } }),
    ).toBe(10);
    // The other partner cannot aim "all matching" at this customer's numbers through its own site.
    const other = await createSite(prisma, b.partnerActor, {
      customerId: b.customer.id,
      site: {
        name: "Elsewhere",
        street: "Hauptstraße",
        houseNumber: "1",
        postcode: "10115",
        city: "Berlin",
        countryCode: "DE",
      },
    });
    await expect(
      assignSite(prisma, b.partnerActor, { siteId: other.id, matching: { pbxId: a.pbx.id } }),
    ).rejects.toBeInstanceOf(AppError);
  });
});
