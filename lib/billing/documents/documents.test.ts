import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateMonth } from "@/lib/cdr/rating/rate-month";
import { csvValue } from "@/lib/csv/cell";
import { formatMoney } from "@/lib/format";
import { makeCountry, makeCustomer, makePbx, makeTenant, type Tenant } from "@/lib/testing/fixtures";
import { makePriceList } from "@/lib/testing/price-lists";
import { createTestDatabase } from "@/lib/testing/test-database";
import { issueCreditNote } from "../credit-notes";
import { issueInvoice } from "../issue";
import { makeAdmin } from "../lifecycle-testing";
import { runInvoiceMonth } from "../run-invoice-month";
import { SUPPLIER } from "../supplier";
import { callOf, makeCharge, makeNumberOrder, makeService } from "../testing";
import { creditNoteFileName, creditNotePdf } from "./credit-note-pdf";
import { invoiceCsv } from "./invoice-csv";
import { invoiceFileName, invoicePdf } from "./invoice-pdf";

const run = promisify(execFile);
const { prisma } = await createTestDatabase();
const NOW = new Date("2026-11-02T08:00:00Z");
const DE_VAT = "DE123456788";
const FORMULA_ATTACK = '=HYPERLINK("http://evil.example","Setup")';
let dir: string;

beforeAll(async () => {
  await makeCountry(prisma, { code: "DE", area: 1 });
  await prisma.country.create({
    data: { code: "AG", name: "Antigua and Barbuda", dialCode: "1268", callTerminationArea: 4 },
  });
  await makePriceList(prisma, "GOLD", { areas: { 1: "0.01200", 4: "0.30000" } });
  // KEEP_DOCS=<folder> keeps the rendered files, to look at them (pdftoppm -png).
  dir = process.env.KEEP_DOCS ?? (await mkdtemp(path.join(os.tmpdir(), "invoice-documents-")));
});
afterAll(() => (process.env.KEEP_DOCS ? undefined : rm(dir, { recursive: true, force: true })));

/** The PDF as `pdftotext -layout` reads it, with helpers to find a printed row. */
async function readBack(pdf: Buffer, name: string) {
  const file = path.join(dir, name);
  await writeFile(file, pdf);
  const { stdout: text } = await run("pdftotext", ["-layout", file, "-"]);
  const lines = text.split("\n");
  const rowIndex = (...parts: string[]) => lines.findIndex((line) => parts.every((part) => line.includes(part)));
  // Wrapped paragraphs read as one line of words.
  const words = text.replace(/\s+/g, " ");
  return { text, lines, rowIndex, hasRow: (...parts: string[]) => rowIndex(...parts) >= 0, words };
}

const eur = (amount: { toFixed(places: number): string }, places = 2) =>
  formatMoney(amount.toFixed(places), "EUR", places);
/** A description's first words: a long one wraps in its column, its first line beside the amounts. */
const opening = (description: string) => description.split(" ").slice(0, 2).join(" ").slice(0, 14);

describe("an invoice of three groups for a German partner with a valid VAT number", () => {
  let tenant: Tenant;
  let beta: { id: string };
  let invoiceId: string;

  beforeAll(async () => {
    tenant = await makeTenant(prisma);
    await prisma.partner.update({
      where: { id: tenant.partner.id },
      data: { vatNumber: DE_VAT, name: "Alpentel Süd GmbH" },
    });
    await prisma.customer.update({ where: { id: tenant.customer.id }, data: { name: "Brauhaus Technik" } });
    const other = await makeCustomer(prisma, tenant.partner.id, "Café Łódź");
    beta = await makePbx(prisma, other.id);
    await prisma.pbx.update({ where: { id: tenant.pbx.id }, data: { name: "Alpha office" } });
    await prisma.pbx.update({ where: { id: beta.id }, data: { name: "Beta office" } });
    const [alphaService, betaService] = [await makeService(prisma, tenant.pbx.id), await makeService(prisma, beta.id)];
    await makeCharge(prisma, tenant, alphaService.id, {
      kind: "ACTIVATION",
      amount: "715.20",
      createdAt: new Date("2026-10-03T10:00:00Z"),
      description: "CLASSOUND-FLAT-1m: 4 users × 14.90 EUR × 12 months × 212/212 days = 715.20 EUR",
    });
    await makeCharge(prisma, tenant, betaService.id, {
      kind: "USERS_ADDED",
      amount: "118.90",
      createdAt: new Date("2026-10-20T10:00:00Z"),
    });
    // A charge of no service: under "Other charges".
    await prisma.serviceCharge.create({
      data: {
        partnerId: tenant.partner.id,
        kind: "RENEWAL",
        amount: "49.00",
        currency: "EUR",
        description: "1 × 49.00 EUR = 49.00 EUR",
        periodStart: new Date("2026-10-21T10:00:00Z"),
        periodEnd: new Date("2027-05-01T00:00:00Z"),
        createdAt: new Date("2026-10-21T10:00:00Z"),
      },
    });
    await makeNumberOrder(prisma, tenant, tenant.pbx.id, {
      createdAt: new Date("2026-10-05T12:00:00Z"),
      lines: [
        {
          kind: "NUMBER_SETUP",
          description: FORMULA_ATTACK,
          quantity: 2,
          unitPrice: "5.00",
          amount: "10.00",
          formula: "2 numbers × 5.00 EUR setup = 10.00 EUR",
        },
      ],
    });
    // Area 4 from the first second: 125 s and 14 s at 0.30/min = 0.62500 + 0.07000 = 0.69500 -> 0.70.
    await prisma.callRecord.createMany({
      data: [125, 14].map((seconds, i) =>
        callOf(tenant, tenant.pbx.id, {
          countryCode: "AG",
          area: 4,
          toE164: "+12684601234",
          startedAt: new Date(Date.UTC(2026, 9, 3 + i, 8)),
          durationSeconds: seconds,
        }),
      ),
    });
    await rateMonth(prisma, { month: "2026-10", partnerId: tenant.partner.id });
    const drafted = await runInvoiceMonth(prisma, { partnerId: tenant.partner.id, month: "2026-10" }, NOW);
    if (drafted.outcome !== "DRAFTED") throw new Error(drafted.outcome);
    invoiceId = drafted.invoiceId;
  });

  const linesOf = () => prisma.invoiceLine.findMany({ where: { invoiceId }, orderBy: { sortOrder: "asc" } });

  it("prints a draft as one, every line beside its amount under its PBX, the subtotals, totals and the reverse charge", async () => {
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { partner: true } });
    // 715.20 + 10.00 + 0.70 (Alpha) + 118.90 (Beta) + 49.00 (no PBX); reverse charge: no VAT.
    expect([invoice.net.toFixed(2), invoice.vatAmount.toFixed(2), invoice.total.toFixed(2)]).toEqual([
      "893.80",
      "0.00",
      "893.80",
    ]);
    expect(invoiceFileName(invoice, "pdf")).toBe("CLASSOUND-invoice-DRAFT-Alpentel-S-d-GmbH-2026-10.pdf");

    const pdf = await readBack(await invoicePdf(prisma, invoiceId), "draft.pdf");
    expect(pdf.text).toContain("DRAFT — not a valid invoice");
    expect(pdf.text).toMatch(/Page 1 of 1/);
    expect(pdf.hasRow("Period", "October 2026")).toBe(true);
    expect(pdf.hasRow(SUPPLIER.name)).toBe(true);
    expect(pdf.text).toContain(`VAT number ${SUPPLIER.vatNumber}`);
    expect(pdf.text).toContain("Alpentel Süd GmbH");
    expect(pdf.text).toContain(`VAT number ${DE_VAT}`);

    const lines = await linesOf();
    expect(lines).toHaveLength(5);
    const at = lines.map((l) => pdf.rowIndex(opening(l.description), eur(l.amount)));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    for (const l of lines) expect(pdf.hasRow(eur(l.unitPrice, 5), eur(l.amount))).toBe(true);
    const heading = (text: string) => pdf.rowIndex(text);
    const [alpha, betaAt, other] = [
      heading("Alpha office · Brauhaus Technik"),
      heading("Beta office · Café Łódź"),
      heading("Other charges"),
    ];
    const subtotals = pdf.lines.flatMap((line, i) => (line.includes("Subtotal") ? [[i, line]] : []));
    expect(subtotals.map(([, line]) => String(line).trim().split(/\s+/).at(-1))).toEqual([
      "€725.90",
      "€118.90",
      "€49.00",
    ]);
    // Each group: its heading, its lines, its subtotal, then the next group.
    const alphaLines = lines.filter((l) => l.pbxId === tenant.pbx.id).map((l) => at[lines.indexOf(l)]);
    expect(alpha).toBeLessThan(Math.min(...alphaLines));
    expect(Math.max(...alphaLines)).toBeLessThan(Number(subtotals[0]![0]));
    expect(Number(subtotals[0]![0])).toBeLessThan(betaAt);
    expect(betaAt).toBeLessThan(at[lines.findIndex((l) => l.pbxId === beta.id)]!);
    expect(Number(subtotals[1]![0])).toBeLessThan(other);
    expect(other).toBeLessThan(at[lines.findIndex((l) => l.pbxId === null)]!);

    expect(pdf.hasRow("Net", "€893.80")).toBe(true);
    expect(pdf.hasRow("VAT 0 %", "€0.00")).toBe(true);
    expect(pdf.hasRow("Total", "€893.80")).toBe(true);
    expect(invoice.vatNote).toMatch(/^Reverse charge/);
    expect(pdf.words).toContain(invoice.vatNote);
    expect(pdf.words).toContain("Not payable: a draft");
  });

  it("carries the same figures in the CSV, a text starting with = neutralised", async () => {
    const csv = await invoiceCsv(prisma, invoiceId);
    const rows = (parse(csv) as string[][]).map((row) => row.map(csvValue));
    expect(rows[0]).toEqual([
      "Invoice",
      "PBX",
      "Customer",
      "Kind",
      "Description",
      "Formula",
      "Quantity",
      "Unit price",
      "Amount",
      "Currency",
    ]);
    const lines = await linesOf();
    expect(rows.slice(1, 6)).toEqual(
      lines.map((l) => [
        "DRAFT",
        l.pbxId === tenant.pbx.id ? "Alpha office" : l.pbxId === beta.id ? "Beta office" : "",
        l.pbxId === tenant.pbx.id ? "Brauhaus Technik" : l.pbxId === beta.id ? "Café Łódź" : "",
        l.kind,
        l.description,
        l.formula,
        l.quantity.toString(),
        l.unitPrice.toFixed(5),
        l.amount.toFixed(2),
        "EUR",
      ]),
    );
    expect(rows.slice(6).map((r) => [r[3], r[8]])).toEqual([
      ["NET", "893.80"],
      ["VAT", "0.00"],
      ["TOTAL", "893.80"],
    ]);
    expect(rows[7]![5]).toMatch(/^Reverse charge/);
    // What a spreadsheet would read: the attack is text, behind an apostrophe.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Setup"")"`);
    expect(csv).not.toContain(`"=HYPERLINK`);
  });

  it("prints an issued invoice with its number, dates, payment details and the credit note that corrects it", async () => {
    const admin = await makeAdmin(prisma);
    const issued = await issueInvoice(prisma, admin, { invoiceId }, NOW);
    const note = await issueCreditNote(
      prisma,
      admin,
      { invoiceId, net: "100.00", reason: "Activation billed twice" },
      NOW,
    );
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { partner: true } });
    expect(invoiceFileName(invoice, "pdf")).toBe(`CLASSOUND-invoice-${issued.number}.pdf`);

    const pdf = await readBack(await invoicePdf(prisma, invoiceId), "issued.pdf");
    expect(pdf.text).not.toContain("DRAFT");
    expect(pdf.hasRow(`Invoice ${issued.number}`)).toBe(true);
    expect(pdf.hasRow("Issue date", "02 Nov 2026")).toBe(true);
    expect(pdf.hasRow("Due date", "02 Dec 2026")).toBe(true);
    expect(pdf.words).toContain(
      `Please pay €893.80 by 02 Dec 2026 by bank transfer to ${SUPPLIER.name}, ${SUPPLIER.bank}`,
    );
    expect(pdf.words).toContain(`${note.number} of 02 Nov 2026 credits €100.00`);

    const credit = await prisma.creditNote.findUniqueOrThrow({ where: { id: note.id } });
    expect(creditNoteFileName(credit)).toBe(`CLASSOUND-credit-note-${note.number}.pdf`);
    const cn = await readBack(await creditNotePdf(prisma, note.id), "credit.pdf");
    expect(cn.hasRow(`Credit note ${note.number}`)).toBe(true);
    expect(cn.hasRow("Credits invoice", `${issued.number} of 02 Nov 2026`)).toBe(true);
    expect(cn.text).toContain("Activation billed twice");
    expect(cn.hasRow("Net credited", "€100.00")).toBe(true);
    expect(cn.hasRow("VAT 0 %", "€0.00")).toBe(true);
    expect(cn.hasRow("Total credited", "€100.00")).toBe(true);
    expect(cn.words).toContain(invoice.vatNote);
    expect(cn.text).toMatch(/Page 1 of 1/);
  });

  it("answers NOT_FOUND for an id that is no invoice or credit note", async () => {
    await expect(invoicePdf(prisma, "c00000000000000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(invoiceCsv(prisma, "c00000000000000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(creditNotePdf(prisma, "c00000000000000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("a long invoice", () => {
  it("runs over pages, repeating the table header and the PBX it is in, with every amount and page n of N", async () => {
    const tenant = await makeTenant(prisma);
    const pbxs = [tenant.pbx, await makePbx(prisma, tenant.customer.id)];
    const invoice = await prisma.invoice.create({
      data: {
        partnerId: tenant.partner.id,
        periodStart: new Date("2026-08-31T22:00:00Z"),
        periodEnd: new Date("2026-09-30T22:00:00Z"),
        currency: "EUR",
        net: "0",
        total: "0",
        billedTo: {
          name: "Long GmbH",
          countryCode: "DE",
          countryName: "Germany",
          vatNumber: null,
          billingEmail: "b@example.test",
        },
      },
    });
    const PER_PBX = 150;
    await prisma.invoiceLine.createMany({
      data: pbxs.flatMap((pbx, p) =>
        Array.from({ length: PER_PBX }, (_, i) => ({
          invoiceId: invoice.id,
          kind: "USAGE_CALLS_AREA" as const,
          pbxId: pbx.id,
          description: `Calls to Area ${1 + (i % 6)}`,
          quantity: "1",
          unitPrice: `${p}.${String(i).padStart(2, "0")}`,
          amount: `${p}.${String(i).padStart(2, "0")}`,
          formula: `${i} calls, ${i * 61} billed seconds at 0.30000 EUR/min, per second, each call rounded to 0.00001`,
          sortOrder: p * PER_PBX + i,
        })),
      ),
    });
    const pdf = await readBack(await invoicePdf(prisma, invoice.id), "long.pdf");
    const pages = Number(/Page 1 of (\d+)/.exec(pdf.text)?.[1]);
    expect(pages).toBeGreaterThan(5);
    expect(pdf.text).toContain(`Page ${pages} of ${pages}`);
    // Every page of the table repeats its header; only a last page of totals alone has none.
    expect(pdf.text.match(/Unit price/g)).toHaveLength(pages - countPagesWithoutTable(pdf.text));
    expect(pdf.text).toMatch(/PBX .+ \(continued\)/);
    for (const [p] of pbxs.entries())
      for (let i = 0; i < PER_PBX; i += 1) {
        const amount = eur({ toFixed: () => `${p}.${String(i).padStart(2, "0")}` });
        expect(pdf.hasRow(`${i} calls, ${i * 61}`, amount), `${p} ${i}`).toBe(true);
      }
  });
});

/** Pages that hold only what follows the table (the totals), where the table's header does not repeat. */
function countPagesWithoutTable(text: string) {
  return text.split("\f").filter((page) => page.trim() && !page.includes("Unit price")).length;
}
