import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { makePbx, makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import {
  invoiceDetail,
  listCreditNotes,
  listInvoices,
  readableCreditNote,
  readableInvoice,
  searchInvoicePartners,
} from "./queries";

const { prisma } = await createTestDatabase();

let seq = 0;
/**
 * An invoice as the run leaves it (a draft with its lines), then issued as issuing leaves it: lines
 * can only be written while it is a draft (the database's trigger).
 */
async function makeInvoice(
  db: Db,
  partnerId: string,
  fields: {
    month: string;
    status?: "DRAFT" | "ISSUED" | "PAID" | "OVERDUE";
    lines?: { pbxId: string | null; amount: string; description?: string }[];
  },
) {
  // Berlin: the first local midnight of a winter month is 23:00 UTC the day before.
  const start = new Date(new Date(`${fields.month}-01T00:00:00Z`).getTime() - 3_600_000);
  const end = new Date(start.getTime() + 30 * 86_400_000);
  const lines = fields.lines ?? [{ pbxId: null, amount: "10.00" }];
  const net = lines.reduce((sum, l) => sum + Math.round(Number(l.amount) * 100), 0) / 100;
  const invoice = await db.invoice.create({
    data: {
      partnerId,
      periodStart: start,
      periodEnd: end,
      currency: "EUR",
      net: net.toFixed(2),
      vatRate: "22",
      vatAmount: (net * 0.22).toFixed(2),
      total: (net * 1.22).toFixed(2),
      vatNote: "VAT 22 %",
      lines: {
        create: lines.map((line, sortOrder) => ({
          kind: "ACTIVATION",
          pbxId: line.pbxId,
          description: line.description ?? `Line ${sortOrder}`,
          quantity: "4",
          unitPrice: "2.50000",
          amount: line.amount,
          formula: `4 × 2.50 = ${line.amount}`,
          sortOrder,
        })),
      },
    },
  });
  if ((fields.status ?? "DRAFT") === "DRAFT") return invoice;
  return db.invoice.update({
    where: { id: invoice.id },
    data: {
      status: fields.status,
      number: `2026-${String(++seq).padStart(6, "0")}-${partnerId.slice(-4)}`,
      issuedAt: end,
      dueAt: new Date(end.getTime() + 30 * 86_400_000),
    },
  });
}

let t: Awaited<ReturnType<typeof makeTwoTenants>>;
let aIssued: { id: string; number: string | null };
let aDraft: { id: string };
let aPaid: { id: string; number: string | null };
let bIssued: { id: string; number: string | null };
let bDraft: { id: string };
let creditA: { id: string };
let creditB: { id: string };
let secondPbx: { id: string; name: string };

beforeAll(async () => {
  t = await makeTwoTenants(prisma);
  await prisma.partner.update({ where: { id: t.a.partner.id }, data: { name: "Alpentel Zeta" } });
  await prisma.partner.update({ where: { id: t.b.partner.id }, data: { name: "Bodensee Alpha" } });
  secondPbx = await makePbx(prisma, t.a.customer.id);
  aIssued = await makeInvoice(prisma, t.a.partner.id, {
    month: "2026-10",
    status: "ISSUED",
    lines: [
      { pbxId: t.a.pbx.id, amount: "10.00", description: "Flat fee" },
      { pbxId: t.a.pbx.id, amount: "2.35", description: "Area 4 calls" },
      { pbxId: secondPbx.id, amount: "7.10", description: "Renewal" },
      { pbxId: null, amount: "1.00", description: "Loose charge" },
    ],
  });
  aDraft = await makeInvoice(prisma, t.a.partner.id, { month: "2026-11" });
  aPaid = await makeInvoice(prisma, t.a.partner.id, { month: "2026-09", status: "PAID" });
  bIssued = await makeInvoice(prisma, t.b.partner.id, { month: "2026-10", status: "OVERDUE" });
  bDraft = await makeInvoice(prisma, t.b.partner.id, { month: "2026-11" });
  const admin = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
  const credit = (invoiceId: string, partnerId: string, number: string) =>
    prisma.creditNote.create({
      data: {
        number,
        invoiceId,
        partnerId,
        reason: "Wrong user count",
        currency: "EUR",
        net: "1.00",
        vatAmount: "0.22",
        total: "1.22",
        issuedAt: new Date("2026-11-20T10:00:00Z"),
        createdById: admin.id,
      },
    });
  creditA = await credit(aIssued.id, t.a.partner.id, `CN-2026-A${t.a.partner.id.slice(-6)}`);
  creditB = await credit(bIssued.id, t.b.partner.id, `CN-2026-B${t.b.partner.id.slice(-6)}`);
  await prisma.invoicePayment.create({
    data: {
      invoiceId: aIssued.id,
      amount: "5.00",
      paidOn: new Date("2026-11-25"),
      reference: "BANK-1",
      source: "MANUAL",
    },
  });
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
const ours = <R extends { partnerId: string }>(rows: R[]) =>
  rows.filter((r) => r.partnerId === t.a.partner.id || r.partnerId === t.b.partner.id);

describe("listInvoices", () => {
  it("gives an admin every partner's invoices, drafts included, newest month first", async () => {
    const { rows } = await listInvoices(prisma, t.admin, {});
    const mine = ours(rows);
    expect(mine.map((r) => r.month)).toEqual(["2026-11", "2026-11", "2026-10", "2026-10", "2026-09"]);
    expect(ids(mine)).toEqual(ids([aIssued, aDraft, aPaid, bIssued, bDraft]));
  });

  it("gives a partner its own issued invoices only: never a draft, never another partner's", async () => {
    const { rows, total } = await listInvoices(prisma, t.a.partnerActor, {});
    expect(ids(rows)).toEqual(ids([aIssued, aPaid]));
    expect(total).toBe(2);
    // Asking for drafts or for the other partner by the query string changes nothing of the scope.
    expect((await listInvoices(prisma, t.a.partnerActor, { status: "DRAFT" })).rows).toEqual([]);
    expect(ids((await listInvoices(prisma, t.a.partnerActor, { partner: t.b.partner.id })).rows)).toEqual(
      ids([aIssued, aPaid]),
    );
  });

  it("shows an end user nothing, and refuses it", async () => {
    await expect(listInvoices(prisma, t.a.endUserActor, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("filters by status, partner-local month, partner and a number or partner name", async () => {
    const admin = t.admin;
    expect(ids((await listInvoices(prisma, admin, { status: "OVERDUE" })).rows)).toContain(bIssued.id);
    expect(ids(ours((await listInvoices(prisma, admin, { month: "2026-10" })).rows))).toEqual(ids([aIssued, bIssued]));
    expect(ids((await listInvoices(prisma, admin, { partner: t.b.partner.id })).rows)).toEqual(ids([bIssued, bDraft]));
    expect(ids((await listInvoices(prisma, admin, { q: "bodensee" })).rows)).toEqual(ids([bIssued, bDraft]));
    expect(ids((await listInvoices(prisma, admin, { q: aPaid.number! })).rows)).toEqual([aPaid.id]);
    // A LIKE wildcard typed means itself.
    expect((await listInvoices(prisma, admin, { q: "%" })).rows).toEqual([]);
  });

  it("sorts on the server and pages with the house pattern", async () => {
    const byPartner = ours((await listInvoices(prisma, t.admin, { sort: "partner" })).rows);
    expect(byPartner.map((r) => r.partnerName)).toEqual([
      "Alpentel Zeta",
      "Alpentel Zeta",
      "Alpentel Zeta",
      "Bodensee Alpha",
      "Bodensee Alpha",
    ]);
    const byTotal = (await listInvoices(prisma, t.a.partnerActor, { sort: "-total" })).rows;
    expect(byTotal.map((r) => r.total)).toEqual(["24.95", "12.20"]);
    // A page past the end shows the last one.
    expect(await listInvoices(prisma, t.a.partnerActor, { page: 99 })).toMatchObject({ page: 1, pageCount: 1 });
  });

  it("falls back to the default view on a hand-edited query string", async () => {
    const odd = await listInvoices(prisma, t.a.partnerActor, { status: "LOST", month: "2026-13", sort: "id; drop" });
    expect(ids(odd.rows)).toEqual(ids([aIssued, aPaid]));
  });
});

describe("invoiceDetail", () => {
  it("groups the lines by PBX in their order, with the PBX's and customer's names and each subtotal", async () => {
    const detail = await invoiceDetail(prisma, t.a.partnerActor, aIssued.id);
    expect(
      detail.groups.map((g) => [g.pbxName, g.customerName, g.lines.map((l) => l.description), g.subtotal]),
    ).toEqual([
      [t.a.pbx.name, t.a.customer.name, ["Flat fee", "Area 4 calls"], "12.35"],
      [secondPbx.name, t.a.customer.name, ["Renewal"], "7.10"],
      ["Other charges", null, ["Loose charge"], "1.00"],
    ]);
    expect(detail).toMatchObject({
      month: "2026-10",
      net: "20.45",
      vatRate: "22",
      total: "24.95",
      paid: "5.00",
      credited: "1.22",
      outstanding: "18.73",
      creditNotes: [{ id: creditA.id, total: "1.22" }],
      payments: [{ reference: "BANK-1", amount: "5.00" }],
    });
    expect(detail.groups[0]!.lines[0]).toMatchObject({ quantity: "4", unitPrice: "2.50", formula: "4 × 2.50 = 10.00" });
  });

  it("answers NOT_FOUND for another partner's invoice, a partner's own draft, a missing id and a malformed one", async () => {
    for (const id of [bIssued.id, aDraft.id, "cmissing000000000000000000", "not-an-id", "' OR 1=1 --"])
      await expect(invoiceDetail(prisma, t.a.partnerActor, id), id).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The same ids through the download lookups.
    for (const id of [bIssued.id, aDraft.id, "x"])
      await expect(readableInvoice(prisma, t.a.partnerActor, id), id).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readableCreditNote(prisma, t.a.partnerActor, creditB.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows an admin any invoice, drafts included", async () => {
    expect((await invoiceDetail(prisma, t.admin, bDraft.id)).status).toBe("DRAFT");
    expect((await readableCreditNote(prisma, t.admin, creditB.id)).id).toBe(creditB.id);
    expect((await readableInvoice(prisma, t.a.partnerActor, aIssued.id)).id).toBe(aIssued.id);
  });
});

describe("listCreditNotes", () => {
  it("lists a partner's own credit notes with their invoice's number, an admin's everyone's", async () => {
    const own = await listCreditNotes(prisma, t.b.partnerActor);
    expect(own.rows.map((r) => [r.id, r.invoiceNumber, r.total])).toEqual([[creditB.id, bIssued.number, "1.22"]]);
    const all = await listCreditNotes(prisma, t.admin);
    expect(ids(all.rows)).toEqual(expect.arrayContaining([creditA.id, creditB.id]));
    expect(ids((await listCreditNotes(prisma, t.admin, { invoiceId: aIssued.id })).rows)).toEqual([creditA.id]);
  });

  it("refuses an end user", async () => {
    await expect(listCreditNotes(prisma, t.b.endUserActor)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("searchInvoicePartners", () => {
  it("finds partners by part of their name, for admins only", async () => {
    const found = await searchInvoicePartners(prisma, t.admin, { q: "bodensee" });
    expect(found.rows.map((r) => r.id)).toContain(t.b.partner.id);
    await expect(searchInvoicePartners(prisma, t.a.partnerActor as Actor, { q: "a" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
