import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import type { ApiScope } from "@/lib/api/scopes";
import type { InvoiceStatus } from "@/lib/db/generated/enums";
import { csvValue } from "@/lib/csv/cell";
import { makeApiInvoice } from "@/lib/testing/api-fixtures-invoices";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";

// The invoice endpoints through the exported route handlers with real keys; the process-wide db()
// points at this file's database (so the file runs isolated, vitest.config.ts).
const { prisma, url } = await createTestDatabase();
process.env.DATABASE_URL = url;
const listRoute = await import("./invoices/route");
const oneRoute = await import("./invoices/[id]/route");
const { makePartnerApiKey } = await import("@/lib/testing/api-keys");
const { callApi } = await import("@/lib/api/testing/call-api");
const { getInvoiceEndpoint, invoiceCsvEndpoint, invoicePdfEndpoint } = await import("@/lib/api/endpoints/invoices");
const { db } = await import("@/lib/db/client");
afterAll(() => db().$disconnect());

type Partner = { id: string };

const makeKey = (partner: Partner, scopes: ApiScope[] = ["invoices:read"]) =>
  makePartnerApiKey(prisma, partner, scopes);
const makeInvoice = (partner: Partner, month: string, status: InvoiceStatus, createdAt?: Date) =>
  makeApiInvoice(prisma, partner, month, status, createdAt);

const BASE = "http://portal.test/api/v1";

async function call(key: string, path: string) {
  const request = new Request(BASE + path, { headers: { authorization: `Bearer ${key}` } });
  const id = /^\/api\/v1\/invoices\/([^/?]+)$/.exec(new URL(request.url).pathname)?.[1];
  const response = id
    ? await oneRoute.GET(request, { params: Promise.resolve({ id: decodeURIComponent(id) }) })
    : await listRoute.GET(request, { params: Promise.resolve({}) });
  const text = await response.text();
  return { response, json: text ? JSON.parse(text) : null };
}

const ids = (page: { data: { id: string }[] }) => page.data.map((invoice) => invoice.id);

const { a, b } = await makeTwoTenants(prisma);
const keyA = await makeKey(a.partner);
const keyB = await makeKey(b.partner);
const june = await makeInvoice(a.partner, "2026-06", "ISSUED", new Date("2026-07-02T08:00:00Z"));
const july = await makeInvoice(a.partner, "2026-07", "PAID", new Date("2026-08-02T08:00:00Z"));
const august = await makeInvoice(a.partner, "2026-08", "OVERDUE", new Date("2026-09-02T08:00:00Z"));
const draft = await makeInvoice(a.partner, "2026-09", "DRAFT");
const voided = await makeInvoice(a.partner, "2026-05", "VOID");
const ofB = await makeInvoice(b.partner, "2026-06", "ISSUED");
await prisma.creditNote.create({
  data: {
    number: `CN-T-${june.id}`,
    invoiceId: june.id,
    partnerId: a.partner.id,
    reason: "Activation billed twice",
    currency: "EUR",
    net: "10.00",
    vatAmount: "1.90",
    total: "11.90",
    issuedAt: new Date("2026-07-10T09:00:00Z"),
  },
});
await prisma.invoicePayment.create({
  data: { invoiceId: june.id, amount: "100.25", paidOn: new Date("2026-07-20"), reference: "BANK-1", source: "MANUAL" },
});

describe("GET /api/v1/invoices", () => {
  it("lists the partner's issued, paid and overdue invoices, oldest first: no draft, no void, nothing of B's", async () => {
    const page = await call(keyA, "/invoices");
    expect(page.response.status).toBe(200);
    expect(page.json.next).toBeNull();
    expect(ids(page.json)).toEqual([june.id, july.id, august.id]);
    expect(page.json.data[0]).toEqual({
      id: june.id,
      number: june.number,
      status: "ISSUED",
      month: "2026-06",
      currency: "EUR",
      net: "120.50",
      vatAmount: "22.90",
      total: "143.40",
      issuedAt: june.issuedAt!.toISOString(),
      dueAt: june.dueAt!.toISOString(),
      paidAt: null,
      createdAt: june.createdAt.toISOString(),
    });
    expect(ids((await call(keyB, "/invoices")).json)).toEqual([ofB.id]);
  });

  it("filters by status and by the partner-local month, within the partner's own", async () => {
    expect(ids((await call(keyA, "/invoices?status=PAID")).json)).toEqual([july.id]);
    expect(ids((await call(keyA, "/invoices?month=2026-08")).json)).toEqual([august.id]);
    expect(ids((await call(keyA, "/invoices?month=2026-09")).json)).toEqual([]);
    expect(ids((await call(keyA, "/invoices?month=2026-06&status=PAID")).json)).toEqual([]);
    expect(ids((await call(keyB, "/invoices?month=2026-07")).json)).toEqual([]);
  });

  it("refuses a status the API does not list, or a malformed month, with 400 beside the parameter", async () => {
    for (const query of ["status=DRAFT", "status=VOID", "month=2026-13", "month=June", "month=2026-6"]) {
      const result = await call(keyA, `/invoices?${query}`);
      expect(result.response.status).toBe(400);
      expect(Object.keys(result.json.errors)).toEqual([query.split("=")[0]]);
    }
  });
});

describe("GET /api/v1/invoices/{id}", () => {
  it("answers the invoice with its lines, credit notes and payments, each figure as the database holds it", async () => {
    const result = await call(keyA, `/invoices/${june.id}`);
    expect(result.response.status).toBe(200);
    const stored = await prisma.invoice.findUniqueOrThrow({
      where: { id: june.id },
      include: { lines: { orderBy: { sortOrder: "asc" } }, creditNotes: true, payments: true },
    });
    const detail = result.json;
    expect(detail).toMatchObject({
      id: stored.id,
      number: stored.number,
      status: "ISSUED",
      month: "2026-06",
      periodStart: stored.periodStart.toISOString(),
      net: stored.net.toFixed(2),
      vatRate: "19",
      vatAmount: stored.vatAmount.toFixed(2),
      total: stored.total.toFixed(2),
      lineCount: 2,
      paid: "100.25",
      credited: "11.90",
      // 143.40 - 100.25 - 11.90
      outstanding: "31.25",
    });
    const lines = detail.groups.flatMap((group: { lines: unknown[] }) => group.lines);
    expect(
      lines.map((line: { id: string; amount: string; quantity: string }) => [line.id, line.amount, line.quantity]),
    ).toEqual(stored.lines.map((line) => [line.id, line.amount.toFixed(2), line.quantity.toString()]));
    expect(detail.groups.map((group: { subtotal: string }) => group.subtotal)).toEqual(["120.50"]);
    expect(detail.creditNotes).toEqual([
      {
        id: stored.creditNotes[0]!.id,
        number: stored.creditNotes[0]!.number,
        reason: "Activation billed twice",
        net: "10.00",
        vatAmount: "1.90",
        total: "11.90",
        issuedAt: "2026-07-10T09:00:00.000Z",
      },
    ]);
    expect(detail.payments).toEqual([
      { id: stored.payments[0]!.id, amount: "100.25", paidOn: "2026-07-20", reference: "BANK-1", source: "MANUAL" },
    ]);
  });

  it("is 404, as are its documents, for another partner's invoice, a draft, a void one, an unknown or a malformed id", async () => {
    const refused: [string, string][] = [
      [keyB, june.id],
      [keyA, ofB.id],
      [keyA, draft.id],
      [keyA, voided.id],
      [keyA, "c" + "0".repeat(24)],
      [keyA, "nope"],
      [keyA, "' OR 1=1 --"],
    ];
    for (const endpoint of [getInvoiceEndpoint, invoicePdfEndpoint, invoiceCsvEndpoint])
      for (const [key, id] of refused) {
        const answer = await callApi(key, endpoint, { params: { id } });
        expect(answer.status, `${endpoint.path} ${id}`).toBe(404);
        expect(answer.response.headers.get("content-type")).toBe("application/problem+json");
        expect(answer.text).not.toContain(june.number!);
      }
  });
});

describe("the invoices:read scope", () => {
  it("is needed for every operation (403 without it); invoices:write includes it", async () => {
    const other = await makeKey(a.partner, ["pbxs:read", "customers:write"]);
    for (const path of ["/invoices", `/invoices/${june.id}`]) {
      const result = await call(other, path);
      expect(result.response.status).toBe(403);
      expect(result.json.detail).toContain("invoices:read");
    }
    for (const endpoint of [invoicePdfEndpoint, invoiceCsvEndpoint])
      expect((await callApi(other, endpoint, { params: { id: june.id } })).status).toBe(403);
    const writer = await makeKey(a.partner, ["invoices:write"]);
    expect((await call(writer, `/invoices/${june.id}`)).response.status).toBe(200);
  });
});

describe("cursor paging", async () => {
  const { a: paged } = await makeTwoTenants(prisma);
  const key = await makeKey(paged.partner);
  // Most share one creation instant (a run issues a batch at once): the id must break the ties.
  const sameInstant = new Date("2026-07-01T06:00:00Z");
  const made: { id: string }[] = [];
  for (let month = 1; month <= 7; month++)
    made.push(
      await makeInvoice(
        paged.partner,
        `2025-${String(month).padStart(2, "0")}`,
        "ISSUED",
        month % 3 ? sameInstant : new Date(sameInstant.getTime() + month * 1000),
      ),
    );
  await makeInvoice(paged.partner, "2025-08", "DRAFT");

  it("returns each of 7 invoices exactly once, 2 a page, keeping the filter", async () => {
    const pages: string[][] = [];
    let next: string | null = null;
    do {
      const result = await call(key, `/invoices?limit=2&status=ISSUED${next ? `&cursor=${next}` : ""}`);
      expect(result.response.status).toBe(200);
      pages.push(ids(result.json));
      next = result.json.next;
    } while (next);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 2, 1]);
    expect(pages.flat().sort()).toEqual(made.map((invoice) => invoice.id).sort());
  });
});

describe("GET /api/v1/invoices/{id}/pdf and /csv", () => {
  it("answers the portal's PDF, streamed with the download headers", async () => {
    const answer = await callApi(keyA, invoicePdfEndpoint, { params: { id: june.id } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const headers = answer.response.headers;
    expect(headers.get("content-type")).toBe("application/pdf");
    expect(headers.get("content-disposition")).toBe(
      `attachment; filename="CLASSOUND-invoice-${june.number}.pdf"; filename*=UTF-8''CLASSOUND-invoice-${june.number}.pdf`,
    );
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("cache-control")).toContain("no-store");
    expect(headers.get("ratelimit-limit")).not.toBeNull();
  });

  it("answers its lines as the portal's CSV, a formula-looking text neutralised", async () => {
    const invoice = await makeInvoice(a.partner, "2026-10", "DRAFT");
    await prisma.invoiceLine.create({
      data: {
        invoiceId: invoice.id,
        kind: "NUMBER_ORDER",
        description: '=HYPERLINK("http://evil.example","Refund")',
        quantity: "1",
        unitPrice: "5",
        amount: "5.00",
        formula: "1 × 5.00",
        sortOrder: 2,
      },
    });
    const issued = await prisma.invoice.update({
      where: { id: invoice.id },
      data: { status: "ISSUED", number: `T-CSV-${invoice.id.slice(-6)}`, issuedAt: new Date() },
    });
    const answer = await callApi(keyA, invoiceCsvEndpoint, { params: { id: issued.id } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(answer.response.headers.get("content-length")).toBe(String(answer.bytes.length));
    expect(answer.response.headers.get("content-disposition")).toContain(`CLASSOUND-invoice-${issued.number}.csv`);
    const rows = parse(answer.text) as string[][];
    expect(rows[0]![0]).toBe("Invoice");
    expect(rows.map((row) => row[3])).toEqual([
      "Kind",
      "ACTIVATION",
      "USAGE_CALLS_AREA",
      "NUMBER_ORDER",
      "NET",
      "VAT",
      "TOTAL",
    ]);
    // An apostrophe first, so a spreadsheet shows the text instead of running it; read back, it is the text.
    expect(rows[3]![4]).toBe(`'=HYPERLINK("http://evil.example","Refund")`);
    expect(csvValue(rows[3]![4])).toBe('=HYPERLINK("http://evil.example","Refund")');
  });
});
