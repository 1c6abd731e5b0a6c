import { beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { Prisma } from "@/lib/db/generated/client";
import { activateService } from "@/lib/activations/activate-service";
import { rateMonth } from "@/lib/cdr/rating/rate-month";
import { orderNumbers } from "@/lib/numbers/order";
import { reinstateAgreement, suspendAgreement } from "@/lib/partners/agreement";
import { applyLicenceChange } from "@/lib/pbx/licence-change";
import { PLACED_IN_MUNICH } from "@/lib/testing/calls";
import {
  actorOf,
  makeCountry,
  makeCustomer,
  makeNumberRange,
  makePbx,
  makeTenant,
  makeTier,
  makeUser,
  uniqueGermanPrefix,
  type Tenant,
} from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { invoiceCsv } from "./documents/invoice-csv";
import { invoicePdf } from "./documents/invoice-pdf";
import { issueInvoice } from "./issue";
import { runInvoiceMonth } from "./run-invoice-month";
import { callOf, sms } from "./testing";

// Issue 33's hand-computed month: November 2026 of one partner (Berlin, UTC+1 all month), every charge
// made by the code that makes it in production (activation, number orders, licence change, R9
// suspension), every call rated by rating; the invoice must equal the hand computation to the cent.
const { prisma } = await createTestDatabase();
const at = (iso: string) => new Date(iso);
const key = () => `key-${Math.random().toString(36).slice(2, 12)}`;

let tenant: Tenant;
let alpha: { id: string };
let beta: { id: string };
let gamma: { id: string };
let admin: ReturnType<typeof actorOf>;
let partnerActor: ReturnType<typeof actorOf>;
let freephone: string;

beforeAll(async () => {
  await makeCountry(prisma, { code: "DE", area: 1 });
  await prisma.country.create({
    data: { code: "AG", name: "Antigua and Barbuda", dialCode: "1268", callTerminationArea: 4 },
  });
  const gold = await makeTier(prisma, "GOLD");
  // Gold 2026, the one version in force: R4 bands, R5 Area 1 and Area 4, R7 FreePhone by source, R15 SMS, R6/R7 numbers.
  await prisma.priceList.create({
    data: {
      tierId: gold.id,
      name: "Gold 2026",
      currency: "EUR",
      validFrom: at("2026-01-01T00:00:00Z"),
      smsRate: "0.04",
      flatFeeBands: {
        create: [
          { sku: "CLASSOUND-FLAT-1m", description: "Users 1-5", minUsers: 1, maxUsers: 5, pricePerUser: "14.90" },
          {
            sku: "CLASSOUND-FLAT-1m-6-20",
            description: "Users 6-20",
            minUsers: 6,
            maxUsers: 20,
            pricePerUser: "13.50",
          },
          {
            sku: "CLASSOUND-FLAT-1m-21PLUS",
            description: "Users 21+",
            minUsers: 21,
            maxUsers: null,
            pricePerUser: "12.40",
          },
        ],
      },
      areaRates: {
        create: [
          { area: 1, perMinute: "0.01200" },
          { area: 4, perMinute: "0.30000" },
        ],
      },
      freephoneRates: {
        create: [
          { countryCode: "DE", source: "FIXED", perMinute: "0.02000" },
          { countryCode: "DE", source: "MOBILE", perMinute: "0.04000" },
          { countryCode: "DE", source: "PAYPHONE", perMinute: "0.15000" },
        ],
      },
      numberPrices: {
        create: [
          { countryCode: "DE", type: "GEOGRAPHIC", setupFee: "5.00", monthlyFee: "1.20" },
          { countryCode: "DE", type: "FREEPHONE", setupFee: "20.00", monthlyFee: "8.00" },
        ],
      },
    },
  });

  // The partner: German, with a valid VAT number (reverse charge), at Gold. Three PBXs of three customers,
  // each yearly from 1 May 2026 to 1 May 2027 (365 days) with 3 Basic + 1 Business users.
  tenant = await makeTenant(prisma);
  await prisma.partner.update({
    where: { id: tenant.partner.id },
    data: { name: "Alpentel GmbH", countryCode: "DE", vatNumber: "DE123456788", tierId: gold.id },
  });
  await prisma.partnerTierPeriod.updateMany({ where: { partnerId: tenant.partner.id }, data: { tierId: gold.id } });
  alpha = tenant.pbx;
  beta = await makePbx(prisma, (await makeCustomer(prisma, tenant.partner.id)).id);
  gamma = await makePbx(prisma, (await makeCustomer(prisma, tenant.partner.id)).id);
  for (const [pbx, name] of [
    [alpha, "Alpha office"],
    [beta, "Beta office"],
    [gamma, "Gamma office"],
  ] as const)
    await prisma.pbx.update({ where: { id: pbx.id }, data: { name } });
  admin = actorOf(await makeUser(prisma, "ADMIN"));
  partnerActor = actorOf(await makeUser(prisma, "PARTNER", { partnerId: tenant.partner.id }));
  // Beta and Gamma have run CLASSOUND since October (charged then, on October's invoice).
  for (const pbx of [beta, gamma])
    await prisma.classoundService.create({
      data: { pbxId: pbx.id, activatedAt: at("2026-10-01T08:00:00Z"), expiresAt: at("2027-05-01T00:00:00Z") },
    });

  // 10 November: the agreement is suspended (R9), Beta's and Gamma's services with it; 12 November reinstated.
  await suspendAgreement(prisma, admin, { partnerId: tenant.partner.id, reason: "Unpaid October invoice" });
  expect(
    await prisma.classoundService.count({
      where: { pbx: { customer: { partnerId: tenant.partner.id } }, status: "SUSPENDED" },
    }),
  ).toBe(2);
  await reinstateAgreement(
    prisma,
    admin,
    { partnerId: tenant.partner.id, reason: "Paid in full" },
    at("2026-11-12T09:00:00Z"),
  );

  // 16 November, 10:00 in Berlin: Alpha's activation is approved.
  const request = await prisma.activationRequest.create({
    data: {
      partnerId: tenant.partner.id,
      customerId: tenant.customer.id,
      pbxId: alpha.id,
      countryCode: "DE",
      status: "SUBMITTED",
      createdById: partnerActor.userId!,
    },
  });
  await prisma.$transaction((tx) => activateService(tx, request, at("2026-11-16T09:00:00Z")));

  // 18 November: a block of 10 German DIDs and one German FreePhone for Alpha (R6, R7).
  for (const type of ["GEOGRAPHIC", "FREEPHONE"] as const)
    await makeNumberRange(prisma, { countryCode: "DE", type, first: `${uniqueGermanPrefix()}000`, size: 100 });
  for (const [type, blockSize, time] of [
    ["GEOGRAPHIC", 10, "10:00"],
    ["FREEPHONE", 1, "10:05"],
  ] as const)
    await orderNumbers(
      prisma,
      partnerActor,
      { pbxId: alpha.id, countryCode: "DE", type, blockSize, blockCount: 1, idempotencyKey: key() },
      at(`2026-11-18T${time}:00Z`),
    );
  freephone = (await prisma.phoneNumber.findFirstOrThrow({ where: { pbxId: alpha.id, type: "FREEPHONE" } })).e164;

  // 20 November: Beta goes from 4 to 6 users (band 6-20).
  await applyLicenceChange(
    prisma,
    partnerActor,
    { kind: "users", pbxId: beta.id, from: "2026-11-20", basic: 5, essential: 0, business: 1, premium: 0 },
    at("2026-11-20T10:00:00Z"),
  );

  const day = (d: number) => at(`2026-11-${String(d).padStart(2, "0")}T08:00:00Z`);
  const on = (pbx: { id: string }, fields: Parameters<typeof callOf>[2]) => callOf(tenant, pbx.id, fields);
  const fromFreephoneCaller = (source: "FIXED" | "MOBILE" | "PAYPHONE", seconds: number) =>
    on(alpha, {
      direction: "INBOUND",
      extension: null,
      toE164: freephone,
      didE164: freephone,
      numberType: "FREEPHONE",
      countryCode: "DE",
      freephoneSource: source,
      startedAt: day(21),
      durationSeconds: seconds,
    });
  await prisma.callRecord.createMany({
    data: [
      // Alpha, extension 100: 13 calls of 4 hours (3,120 minutes, 120 past its 3,000) and one of 61 s.
      ...Array.from({ length: 13 }, (_, i) =>
        on(alpha, { ...PLACED_IN_MUNICH, startedAt: day(17 + i), durationSeconds: 14_400 }),
      ),
      on(alpha, { ...PLACED_IN_MUNICH, startedAt: day(30), durationSeconds: 61 }),
      // Extension 200 stays within its own 3,000 minutes (R5, not pooled).
      on(alpha, { ...PLACED_IN_MUNICH, extension: "200", startedAt: day(17), durationSeconds: 6_000 }),
      // Area 4 from the first second.
      on(alpha, { countryCode: "AG", area: 4, toE164: "+12684601234", startedAt: day(19), durationSeconds: 125 }),
      on(gamma, { countryCode: "AG", area: 4, toE164: "+12684601234", startedAt: day(5), durationSeconds: 60 }),
      fromFreephoneCaller("FIXED", 120),
      fromFreephoneCaller("MOBILE", 90),
      fromFreephoneCaller("PAYPHONE", 30),
    ],
  });
  // R15 on Beta: extension 100 sends 205 (5 past its 200), extension 200 sends 20.
  await prisma.smsRecord.createMany({
    data: [
      ...sms(tenant, beta.id, 205, { from: day(22) }),
      ...sms(tenant, beta.id, 20, { from: day(23), extension: "200" }),
    ],
  });
  await rateMonth(prisma, { month: "2026-11", partnerId: tenant.partner.id });
});

const NOVEMBER_LINES = [
  // Alpha: activated on 16 November, 166 of the term's 365 days left: 4 × 14.90 × 12 × 166/365 = 325.269… → 325.27.
  ["Alpha office", "ACTIVATION", "325.27"],
  // 18 November, 164 days left: 10 × 5.00 setup; 10 × 1.20 × 12 × 164/365 = 64.701… → 64.70.
  ["Alpha office", "NUMBER_ORDER", "50.00"],
  ["Alpha office", "NUMBER_ORDER", "64.70"],
  // The FreePhone: 20.00 setup; 1 × 8.00 × 12 × 164/365 = 43.134… → 43.13.
  ["Alpha office", "NUMBER_ORDER", "20.00"],
  ["Alpha office", "NUMBER_ORDER", "43.13"],
  // Area 1 past extension 100's 3,000 minutes: 7,200 s + 61 s at 0.012/min = 1.4522 → 1.45.
  ["Alpha office", "USAGE_CALLS_AREA", "1.45"],
  // Area 4: 125 s at 0.30/min = 0.625 → 0.63.
  ["Alpha office", "USAGE_CALLS_AREA", "0.63"],
  // FreePhone by source: 120 s fixed at 0.02 = 0.04; 90 s mobile at 0.04 = 0.06; 30 s payphone at 0.15 = 0.075 → 0.08.
  ["Alpha office", "USAGE_FREEPHONE", "0.04"],
  ["Alpha office", "USAGE_FREEPHONE", "0.06"],
  ["Alpha office", "USAGE_FREEPHONE", "0.08"],
  // Beta: 6 users from 20 November, 162 days left: 6 × 13.50 × 12 × 162/365 = 431.41 less 4 × 14.90 × 12 × 162/365 = 317.43.
  ["Beta office", "USERS_ADDED", "113.98"],
  // 5 SMS past extension 100's 200 at the Area 1 rate (R15): 5 × 0.012 = 0.06.
  ["Beta office", "USAGE_SMS", "0.06"],
  // Gamma: its one Area 4 minute before the suspension; nothing of October's charge comes back (R9).
  ["Gamma office", "USAGE_CALLS_AREA", "0.30"],
];
// 325.27 + 50.00 + 64.70 + 20.00 + 43.13 + 1.45 + 0.63 + 0.04 + 0.06 + 0.08 + 113.98 + 0.06 + 0.30
const NOVEMBER_NET = "619.70";
let novemberInvoiceId: string;

describe("the hand-computed month (issue 33)", () => {
  it("bills every line and the total as computed by hand, to the cent, under the reverse charge", async () => {
    const result = await runInvoiceMonth(
      prisma,
      { partnerId: tenant.partner.id, month: "2026-11" },
      at("2026-12-01T06:00:00Z"),
    );
    expect(result).toMatchObject({
      outcome: "DRAFTED",
      net: NOVEMBER_NET,
      total: NOVEMBER_NET,
      lines: NOVEMBER_LINES.length,
    });
    if (result.outcome !== "DRAFTED") return;
    const invoice = await prisma.invoice.findUniqueOrThrow({
      where: { id: result.invoiceId },
      include: { lines: { orderBy: { sortOrder: "asc" } } },
    });
    const names = new Map([
      [alpha.id, "Alpha office"],
      [beta.id, "Beta office"],
      [gamma.id, "Gamma office"],
    ]);
    expect(invoice.lines.map((l) => [names.get(l.pbxId!), l.kind, l.amount.toFixed(2)])).toEqual(NOVEMBER_LINES);
    expect([invoice.vatAmount.toFixed(2), invoice.reverseCharge]).toEqual(["0.00", true]);
    expect(invoice.vatNote).toMatch(/^Reverse charge: .*DE123456788/);
    // The formulas say the same in words and numbers.
    expect(invoice.lines[0]!.formula).toBe(
      "CLASSOUND-FLAT-1m: 4 users × 14.90 EUR × 12 months × 166/365 days = 325.27 EUR",
    );
    novemberInvoiceId = invoice.id;
    expect(invoice.lines.find((l) => l.kind === "USAGE_SMS")!.formula).toBe(
      "5 SMS × 0.01200 EUR = 0.06000 EUR → 0.06 EUR",
    );
  });
});

describe("the hand-computed month's documents", () => {
  it("issues it, and the PDF read back with pdftotext and the CSV carry the same figures", async () => {
    const issued = await issueInvoice(prisma, admin, { invoiceId: novemberInvoiceId }, at("2026-12-01T09:00:00Z"));
    expect(issued.number).toMatch(/^2026-\d{6}$/);

    const dir = await mkdtemp(path.join(os.tmpdir(), "classound-invoice-"));
    try {
      const file = path.join(dir, "invoice.pdf");
      await writeFile(file, await invoicePdf(prisma, novemberInvoiceId));
      const { stdout } = await promisify(execFile)("pdftotext", ["-layout", file, "-"]);
      const rows = stdout.split("\n");
      // Each line's amount on a row of its own, in the invoice's order, under its PBX's heading.
      let at = 0;
      let group = "";
      for (const [pbx, , amount] of NOVEMBER_LINES) {
        if (pbx !== group) {
          at = rows.findIndex((row, i) => i >= at && row.includes(pbx!));
          expect(at, `the heading of ${pbx}`).toBeGreaterThan(-1);
          group = pbx!;
        }
        const found = rows.findIndex(
          (row, i) => i > at && new RegExp(`€${amount!.replace(".", "\\.")}\\s*$`).test(row),
        );
        expect(found, `${pbx} ${amount}`).toBeGreaterThan(at);
        at = found;
      }
      const words = stdout.replace(/\s+/g, " ");
      expect(words).toContain(`Invoice ${issued.number}`);
      expect(words).toMatch(new RegExp(`Net €${NOVEMBER_NET.replace(".", "\\.")}`));
      expect(words).toMatch(new RegExp(`Total €${NOVEMBER_NET.replace(".", "\\.")}`));
      expect(words).toContain("Reverse charge: VAT to be accounted for by the recipient");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const csv: string[][] = parse(await invoiceCsv(prisma, novemberInvoiceId));
    const [header, ...body] = csv;
    const amount = header!.indexOf("Amount");
    const lines = body.filter((r) => !["NET", "VAT", "TOTAL"].includes(r[3]!));
    expect(lines.map((r) => [r[1], r[3], r[amount]])).toEqual(NOVEMBER_LINES);
    expect(body.filter((r) => r[3] === "NET" || r[3] === "TOTAL").map((r) => r[amount])).toEqual([
      NOVEMBER_NET,
      NOVEMBER_NET,
    ]);
    expect(body.every((r) => r[0] === issued.number)).toBe(true);
  });
});

describe("three invoice months of the same PBXs", () => {
  it("bill each euro once: issued November untouched, December's renewal, January's nothing", async () => {
    // 15 December: Alpha renews for the term from 1 May 2027 (366 days, 29 February 2028 in it).
    await applyLicenceChange(
      prisma,
      partnerActor,
      { kind: "renewal", pbxId: alpha.id, currentExpiry: "2027-05-01", termEnd: "2028-05-01" },
      at("2026-12-15T10:00:00Z"),
    );
    const run = (month: string) =>
      runInvoiceMonth(prisma, { partnerId: tenant.partner.id, month }, at("2027-02-01T06:00:00Z"));
    for (const month of ["2026-12", "2027-01"]) await rateMonth(prisma, { month, partnerId: tenant.partner.id });
    // November is issued (above): left as it is, and its charges stay its own.
    expect(await run("2026-11")).toMatchObject({ outcome: "ISSUED_UNTOUCHED", status: "ISSUED" });
    expect(await run("2026-12")).toMatchObject({ outcome: "DRAFTED", net: "715.20" });
    expect(await run("2027-01")).toMatchObject({ outcome: "NOTHING_TO_BILL" });
    expect(await run("2026-12")).toMatchObject({ outcome: "DRAFTED", net: "715.20" });

    const partnerId = tenant.partner.id;
    const invoices = await prisma.invoice.findMany({ where: { partnerId }, include: { lines: true } });
    expect(invoices).toHaveLength(2);
    const charges = await prisma.serviceCharge.findMany({ where: { partnerId } });
    const orderLines = await prisma.numberOrderLine.findMany({ where: { order: { partnerId } } });
    // Every charge and order line is on exactly one invoice line, of the invoice that claims it.
    const lines = invoices.flatMap((i) => i.lines.map((l) => ({ ...l, invoiceId: i.id })));
    for (const c of charges) {
      expect(c.invoiceId).not.toBeNull();
      const billing = lines.filter(
        (l) => l.kind === c.kind && l.formula === c.description && l.amount.equals(c.amount),
      );
      expect(billing.map((l) => l.invoiceId)).toEqual([c.invoiceId]);
    }
    for (const o of orderLines) {
      expect(o.invoiceId).not.toBeNull();
      expect(lines.filter((l) => l.kind === "NUMBER_ORDER" && l.formula === o.formula).map((l) => l.invoiceId)).toEqual(
        [o.invoiceId],
      );
    }
    // And the invoices hold nothing else: charges, order lines and November's rated usage.
    const sum = (values: Prisma.Decimal[]) => values.reduce((t, v) => t.add(v), new Prisma.Decimal(0)).toFixed(2);
    const usage = lines.filter((l) => l.kind.startsWith("USAGE_"));
    expect(sum(invoices.map((i) => i.net))).toBe(
      sum([...charges.map((c) => c.amount), ...orderLines.map((o) => o.amount), ...usage.map((l) => l.amount)]),
    );
    expect(sum(usage.map((l) => l.amount))).toBe("2.62"); // 1.45 + 0.63 + 0.04 + 0.06 + 0.08 + 0.06 + 0.30
  });
});
