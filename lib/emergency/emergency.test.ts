import { describe, expect, it } from "vitest";
import { openTicket } from "@/lib/tickets/open-ticket";
import { actorOf, makeCustomer, makeNumbers, makePbx, makeTwoTenants, makeUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { assignSite } from "./assign";
import { complianceOverview } from "./compliance";
import { exportLocationsCsv, importLocationsCsv } from "./csv";
import { assertCallerIdAllowed } from "./gate";
import { locationInForce, numberHistory } from "./history";
import { listEmergencyNumbers, orderNumbersWithoutLocation } from "./numbers";
import { registerNumbers } from "./registration";
import { createSite, listSites, updateSite } from "./sites";

const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);
const aNumbers = await makeNumbers(prisma, { partnerId: a.partner.id, pbxId: a.pbx.id }, 12, "IT");
const bNumbers = await makeNumbers(prisma, { partnerId: b.partner.id, pbxId: b.pbx.id }, 3, "IT");
// A second customer of partner A, whose end user must not reach the first customer's numbers.
const a2Customer = await makeCustomer(prisma, a.partner.id);
const a2Pbx = await makePbx(prisma, a2Customer.id);
const a2Numbers = await makeNumbers(prisma, { partnerId: a.partner.id, pbxId: a2Pbx.id }, 2, "IT");
const a2EndUser = actorOf(await makeUser(prisma, "END_USER", { customerId: a2Customer.id }));

const milan = (name = "Milan HQ, floor 3") => ({
  name,
  street: "Via Dante",
  houseNumber: "7",
  postcode: "20121",
  city: "Milano",
  countryCode: "IT",
  floor: "3",
  latitude: "45.466944",
  longitude: "9.185556",
});
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const header =
  "number,site,street,house_number,postcode,city,region,country,building,floor,room,latitude,longitude,callback_number\n";

describe("sites and bulk assignment", () => {
  it("assigns one site to ten numbers at once, each then awaiting registration", async () => {
    const site = await createSite(prisma, a.partnerActor, { customerId: a.customer.id, site: milan() });
    await expect(
      assignSite(prisma, a.partnerActor, { siteId: site.id, numberIds: ids(aNumbers.slice(0, 10)) }),
    ).resolves.toEqual({ assigned: 10, unchanged: 0 });
    const rows = await prisma.phoneNumber.findMany({ where: { id: { in: ids(aNumbers.slice(0, 10)) } } });
    expect(rows.map((r) => [r.emergencyLocationId, r.emergencyStatus])).toEqual(Array(10).fill([site.id, "PENDING"]));
    // Again: nothing moves, nothing is written to the history twice.
    await expect(
      assignSite(prisma, a.partnerActor, { siteId: site.id, numberIds: ids(aNumbers.slice(0, 2)) }),
    ).resolves.toEqual({ assigned: 0, unchanged: 2 });
    expect(await prisma.emergencyLocationChange.count({ where: { phoneNumberId: aNumbers[0]!.id } })).toBe(1);
  });

  it("refuses a site name the customer already uses, naming the field", async () => {
    await expect(
      createSite(prisma, a.partnerActor, { customerId: a.customer.id, site: milan() }),
    ).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { name: [expect.any(String)] } });
  });

  it("refuses a number of another country or of another customer, and stores none of the batch", async () => {
    const site = await createSite(prisma, a.partnerActor, { customerId: a.customer.id, site: milan("Milan annex") });
    const [de] = await makeNumbers(prisma, { partnerId: a.partner.id, pbxId: a.pbx.id }, 1, "DE");
    await expect(
      assignSite(prisma, a.partnerActor, { siteId: site.id, numberIds: [aNumbers[10]!.id, de!.id] }),
    ).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/must be in DE, not IT/) });
    await expect(
      assignSite(prisma, a.partnerActor, { siteId: site.id, numberIds: [aNumbers[10]!.id, a2Numbers[0]!.id] }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/not a number of this site's customer/) });
    expect((await prisma.phoneNumber.findUniqueOrThrow({ where: { id: aNumbers[10]!.id } })).emergencyStatus).toBe(
      "NO_LOCATION",
    );
  });
});

describe("authorization", () => {
  it("another partner can neither see nor change a partner's sites and numbers, whatever ids it sends", async () => {
    const site = await createSite(prisma, a.partnerActor, { customerId: a.customer.id, site: milan("Milan authz") });
    const bSite = await createSite(prisma, b.partnerActor, { customerId: b.customer.id, site: milan("B site") });
    expect(ids(await listSites(prisma, b.partnerActor))).not.toContain(site.id);
    expect(ids((await listEmergencyNumbers(prisma, b.partnerActor, {})).numbers).sort()).toEqual(ids(bNumbers).sort());
    await expect(
      assignSite(prisma, b.partnerActor, { siteId: site.id, numberIds: ids(bNumbers) }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      assignSite(prisma, b.partnerActor, { siteId: bSite.id, numberIds: [aNumbers[11]!.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      updateSite(prisma, b.partnerActor, { siteId: site.id, site: milan("Taken over") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      createSite(prisma, b.partnerActor, { customerId: a.customer.id, site: milan("Planted") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(numberHistory(prisma, b.partnerActor, aNumbers[0]!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      importLocationsCsv(
        prisma,
        b.partnerActor,
        `${header}${aNumbers[11]!.e164},B site,Via Dante,7,20121,Milano,,IT,,,,,,\n`,
      ),
    ).resolves.toMatchObject({ stored: 0, refused: 1 });
    expect(await exportLocationsCsv(prisma, b.partnerActor)).not.toContain(aNumbers[0]!.e164);
    expect(
      (await prisma.phoneNumber.findUniqueOrThrow({ where: { id: aNumbers[11]!.id } })).emergencyLocationId,
    ).toBeNull();
  });

  it("an end user sees and changes only its own customer's numbers and sites", async () => {
    const visible = ids((await listEmergencyNumbers(prisma, a2EndUser, {})).numbers);
    expect(visible.sort()).toEqual(ids(a2Numbers).sort());
    const aSite = (await listSites(prisma, a.partnerActor)).find((s) => s.customer.id === a.customer.id)!;
    expect(ids(await listSites(prisma, a2EndUser))).not.toContain(aSite.id);
    await expect(
      createSite(prisma, a2EndUser, { customerId: a.customer.id, site: milan("Planted") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(assignSite(prisma, a2EndUser, { siteId: aSite.id, numberIds: ids(a2Numbers) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const own = await createSite(prisma, a2EndUser, { customerId: a2Customer.id, site: milan("Our office") });
    await expect(
      assignSite(prisma, a2EndUser, { siteId: own.id, numberIds: [aNumbers[11]!.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(assignSite(prisma, a2EndUser, { siteId: own.id, numberIds: ids(a2Numbers) })).resolves.toMatchObject({
      assigned: 2,
    });
    await expect(
      registerNumbers(prisma, a2EndUser, { numberIds: ids(a2Numbers), decision: "ACTIVE" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("right after an order", () => {
  it("counts the order's numbers still without a location, for its partner only", async () => {
    const numbers = await makeNumbers(prisma, { partnerId: a.partner.id, pbxId: a.pbx.id }, 3, "IT");
    const order = await prisma.numberOrder.create({
      data: {
        partnerId: a.partner.id,
        pbxId: a.pbx.id,
        countryCode: "IT",
        type: "GEOGRAPHIC",
        blockSize: 1,
        blockCount: 3,
        status: "COMPLETED",
        currency: "EUR",
        setupTotal: "0",
        monthlyTotal: "0",
        idempotencyKey: "order-prompt",
        requestHash: "-",
        createdById: a.partnerActor.userId,
        blocks: {
          create: numbers.map((n) => ({
            firstE164: n.e164,
            lastE164: n.e164,
            size: 1,
            numbers: { connect: { id: n.id } },
          })),
        },
      },
    });
    expect(await orderNumbersWithoutLocation(prisma, a.partnerActor, order.id)).toBe(3);
    const site = await createSite(prisma, a.partnerActor, {
      customerId: a.customer.id,
      site: milan("Milan order prompt"),
    });
    await assignSite(prisma, a.partnerActor, { siteId: site.id, numberIds: [numbers[0]!.id] });
    expect(await orderNumbersWithoutLocation(prisma, a.partnerActor, order.id)).toBe(2);
    // Another partner learns nothing from the order's id.
    expect(await orderNumbersWithoutLocation(prisma, b.partnerActor, order.id)).toBe(0);
  });
});

describe("history", () => {
  it("keeps who changed what, old and new, so the location in force at a moment can be found", async () => {
    const site = await createSite(prisma, b.partnerActor, { customerId: b.customer.id, site: milan("Rome office") });
    const number = bNumbers[0]!;
    await assignSite(
      prisma,
      b.partnerActor,
      { siteId: site.id, numberIds: [number.id] },
      new Date("2026-01-01T00:00:00Z"),
    );
    await registerNumbers(
      prisma,
      admin,
      { numberIds: [number.id], decision: "ACTIVE" },
      new Date("2026-01-02T00:00:00Z"),
    );
    await updateSite(
      prisma,
      b.partnerActor,
      {
        siteId: site.id,
        site: {
          ...milan("Rome office"),
          street: "Via del Corso",
          houseNumber: "1",
          postcode: "00186",
          city: "Roma",
          latitude: "41.90",
          longitude: "12.48",
        },
      },
      new Date("2026-02-01T00:00:00Z"),
    );

    const { changes } = await numberHistory(prisma, b.partnerActor, number.id);
    expect(changes.map((c) => [c.oldStatus, c.newStatus])).toEqual([
      ["ACTIVE", "PENDING"],
      ["PENDING", "ACTIVE"],
      ["NO_LOCATION", "PENDING"],
    ]);
    expect(changes[0]).toMatchObject({
      oldLocation: { street: "Via Dante" },
      newLocation: { street: "Via del Corso", latitude: "41.900000" },
      changedBy: { name: expect.any(String) },
    });
    expect(await locationInForce(prisma, b.partnerActor, number.id, new Date("2026-01-15T00:00:00Z"))).toMatchObject({
      status: "ACTIVE",
      location: { street: "Via Dante" },
    });
    expect(await locationInForce(prisma, b.partnerActor, number.id, new Date("2026-03-01T00:00:00Z"))).toMatchObject({
      status: "PENDING",
      location: { street: "Via del Corso" },
    });
    expect(await locationInForce(prisma, b.partnerActor, number.id, new Date("2025-12-01T00:00:00Z"))).toMatchObject({
      status: "NO_LOCATION",
      location: null,
    });
  });

  it("renaming a site changes no number's status or history", async () => {
    const before = await prisma.emergencyLocationChange.count();
    const site = (await listSites(prisma, b.partnerActor)).find((s) => s.name === "Rome office")!;
    await updateSite(prisma, b.partnerActor, {
      siteId: site.id,
      site: {
        ...milan("Rome office, reception"),
        street: "Via del Corso",
        houseNumber: "1",
        postcode: "00186",
        city: "Roma",
        latitude: "41.9",
        longitude: "12.48",
      },
    });
    expect(await prisma.emergencyLocationChange.count()).toBe(before);
  });
});

describe("registration", () => {
  it("moves only PENDING numbers, and a request for changes needs its reason", async () => {
    await expect(
      registerNumbers(prisma, admin, { numberIds: [aNumbers[0]!.id], decision: "CHANGES_REQUIRED" }),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { reason: [expect.any(String)] } });
    await registerNumbers(prisma, admin, {
      numberIds: [aNumbers[0]!.id],
      decision: "CHANGES_REQUIRED",
      reason: "The house number does not exist",
    });
    expect(await prisma.phoneNumber.findUniqueOrThrow({ where: { id: aNumbers[0]!.id } })).toMatchObject({
      emergencyStatus: "CHANGES_REQUIRED",
      emergencyStatusReason: "The house number does not exist",
    });
    await expect(
      registerNumbers(prisma, admin, { numberIds: [aNumbers[0]!.id], decision: "ACTIVE" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      registerNumbers(prisma, a.partnerActor, { numberIds: [aNumbers[1]!.id], decision: "ACTIVE" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("CSV import and export", () => {
  it("stores the good rows and says why each refused row was refused", async () => {
    const [n1, n2] = await makeNumbers(prisma, { partnerId: a.partner.id, pbxId: a.pbx.id }, 2, "IT");
    const csv =
      header +
      `${n1!.e164},Turin depot,Corso Francia,10,10138,Torino,,IT,,,,45.0703,7.6869,\n` +
      `${n2!.e164},Turin depot 2,Corso Francia,12,1013,Torino,,IT,,,,,,\n` +
      `+390000000000,Turin depot,Corso Francia,10,10138,Torino,,IT,,,,45.0703,7.6869,\n` +
      `${n2!.e164},Turin depot,Corso Francia,99,10138,Torino,,IT,,,,,,\n`;
    const report = await importLocationsCsv(prisma, a.partnerActor, csv);
    expect(report).toMatchObject({ stored: 1, refused: 3 });
    expect(report.rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
      [5, false],
    ]);
    expect(report.rows[1]!.message).toMatch(/not a postcode of IT/);
    expect(report.rows[2]!.message).toMatch(/Not one of your numbers/);
    expect(report.rows[3]!.message).toMatch(/already has another address/);
    expect(await prisma.phoneNumber.findUniqueOrThrow({ where: { id: n1!.id } })).toMatchObject({
      emergencyStatus: "PENDING",
    });
    // A refused row leaves nothing behind: no site named after it.
    expect(await prisma.emergencyLocation.count({ where: { name: "Turin depot 2" } })).toBe(0);
    expect(await prisma.phoneNumber.findUniqueOrThrow({ where: { id: n2!.id } })).toMatchObject({
      emergencyStatus: "NO_LOCATION",
      emergencyLocationId: null,
    });
  });

  it("exports what imports back unchanged", async () => {
    const exported = await exportLocationsCsv(prisma, a.partnerActor, { pbxId: a.pbx.id });
    expect(exported.split("\r\n")[0]).toBe(`"${header.trim().split(",").join('","')}","status"`);
    const report = await importLocationsCsv(
      prisma,
      a.partnerActor,
      exported
        .split("\r\n")
        .filter((line) => !line.includes(',"","","","","","","","","","","","",'))
        .join("\r\n"),
    );
    expect(report.refused).toBe(0);
    expect(report.rows.every((r) => r.message.startsWith("Already at"))).toBe(true);
  });

  it("refuses a file without the expected columns", async () => {
    await expect(importLocationsCsv(prisma, a.partnerActor, "phone;address\n+39;x\n")).rejects.toMatchObject({
      code: "INVALID",
    });
  });
});

describe("the caller-ID gate (R11, R13)", () => {
  it("refuses an EU or US number without a location, allows it once entered, and leaves other countries alone", async () => {
    const [it1] = await makeNumbers(prisma, { partnerId: a.partner.id, pbxId: a.pbx.id }, 1, "IT");
    const [us] = await makeNumbers(prisma, { partnerId: a.partner.id, pbxId: a.pbx.id }, 1, "US");
    const [gb] = await makeNumbers(prisma, { partnerId: a.partner.id, pbxId: a.pbx.id }, 1, "GB");
    await expect(assertCallerIdAllowed(prisma, it1!.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/no emergency location/),
    });
    await expect(assertCallerIdAllowed(prisma, us!.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(assertCallerIdAllowed(prisma, gb!.id)).resolves.toBeUndefined();
    const site = (await listSites(prisma, a.partnerActor)).find((s) => s.name === "Milan HQ, floor 3")!;
    await assignSite(prisma, a.partnerActor, { siteId: site.id, numberIds: [it1!.id] });
    await expect(assertCallerIdAllowed(prisma, it1!.id)).resolves.toBeUndefined();
    await registerNumbers(prisma, admin, { numberIds: [it1!.id], decision: "CHANGES_REQUIRED", reason: "Wrong floor" });
    await expect(assertCallerIdAllowed(prisma, it1!.id)).rejects.toMatchObject({
      message: expect.stringMatching(/changes the operator asked for/),
    });
  });

  it("keeps a default-caller-number ticket from being opened for a number without a location", async () => {
    await prisma.classoundService.create({
      data: { pbxId: a.pbx.id, activatedAt: new Date(), expiresAt: new Date("2027-05-01") },
    });
    const request = {
      category: "DEFAULT_CALLER_NUMBER" as const,
      pbxId: a.pbx.id,
      numberIds: [aNumbers[11]!.id],
      subject: "Default number",
      message: "Please use this one.",
    };
    await expect(openTicket(prisma, a.partnerActor, request)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("compliance", () => {
  it("counts numbers with and without a location per PBX and lists the action needed", async () => {
    const { rows, totals } = await complianceOverview(prisma, a.partnerActor, { pbxId: a.pbx.id });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.total).toBe(Object.values(row.counts).reduce((x, y) => x + y, 0));
    expect(totals).toEqual(row.counts);
    expect(row.counts.NO_LOCATION).toBe(
      await prisma.phoneNumber.count({
        where: { pbxId: a.pbx.id, emergencyStatus: "NO_LOCATION", type: { not: "FREEPHONE" } },
      }),
    );
    expect(row.actions).toContain(`${row.counts.NO_LOCATION} numbers missing a location`);
    expect(row.actions).toContain("Emergency service not configured: request it from support");
    expect((await complianceOverview(prisma, b.partnerActor, { pbxId: a.pbx.id })).rows).toEqual([]);
  });
});
