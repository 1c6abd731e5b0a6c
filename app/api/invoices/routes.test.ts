import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";

// The download routes read through the actor's scope before anything else: another partner's id, a
// partner's own draft, a missing id and a malformed one are all the same 404, never a 500.
let current: Actor;
vi.mock("@/lib/auth/request-actor", () => ({ actorWith: async () => current }));
const { prisma, url } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { GET: invoicePdf } = await import("./[id]/pdf/route");
const { GET: invoiceCsv } = await import("./[id]/csv/route");
const { GET: creditNotePdf } = await import("../credit-notes/[id]/pdf/route");
const { db } = await import("@/lib/db/client");
afterAll(() => db().$disconnect());

let t: Awaited<ReturnType<typeof makeTwoTenants>>;
let issuedB: string;
let draftA: string;
let issuedA: string;
let creditB: string;

async function invoiceOf(partnerId: string, month: string, number: string | null) {
  const start = new Date(`${month}-01T00:00:00Z`);
  const invoice = await prisma.invoice.create({
    data: {
      partnerId,
      periodStart: start,
      periodEnd: new Date(start.getTime() + 30 * 86_400_000),
      currency: "EUR",
      net: "10.00",
      total: "10.00",
      billedTo: {
        name: "Partner",
        countryCode: "DE",
        countryName: "Germany",
        vatNumber: null,
        billingEmail: "b@x.test",
      },
      lines: {
        create: {
          kind: "ACTIVATION",
          description: "Flat fee",
          quantity: 1,
          unitPrice: 10,
          amount: 10,
          formula: "1 × 10.00",
          sortOrder: 0,
        },
      },
    },
  });
  if (number)
    await prisma.invoice.update({
      where: { id: invoice.id },
      data: { status: "ISSUED", number, issuedAt: new Date(), dueAt: new Date(Date.now() + 30 * 86_400_000) },
    });
  return invoice.id;
}

beforeAll(async () => {
  t = await makeTwoTenants(prisma);
  issuedA = await invoiceOf(t.a.partner.id, "2026-09", "2026-990001");
  draftA = await invoiceOf(t.a.partner.id, "2026-10", null);
  issuedB = await invoiceOf(t.b.partner.id, "2026-09", "2026-990002");
  creditB = (
    await prisma.creditNote.create({
      data: {
        number: "CN-2026-990001",
        invoiceId: issuedB,
        partnerId: t.b.partner.id,
        reason: "Goodwill",
        currency: "EUR",
        net: "1.00",
        vatAmount: "0.00",
        total: "1.00",
        issuedAt: new Date(),
      },
    })
  ).id;
});

const call = (handler: typeof invoicePdf, id: string) =>
  handler(new Request(`http://localhost/api/x/${encodeURIComponent(id)}`), { params: Promise.resolve({ id }) });

describe("invoice and credit-note downloads", () => {
  it("answer 404 for another partner's, a partner's draft, a missing and a malformed id, alike", async () => {
    current = t.a.partnerActor;
    const ids = [issuedB, draftA, "cmissing000000000000000000", "../../etc/passwd", "x".repeat(500)];
    for (const handler of [invoicePdf, invoiceCsv])
      for (const id of ids) {
        const response = await call(handler, id);
        expect(response.status, id).toBe(404);
        expect(await response.json()).toMatchObject({ ok: false, code: "NOT_FOUND" });
      }
    for (const id of [creditB, "nope"]) expect((await call(creditNotePdf, id)).status, id).toBe(404);
  });

  it("send a partner its own invoice's PDF and CSV, and an admin anyone's", async () => {
    current = t.a.partnerActor;
    const pdf = await call(invoicePdf, issuedA);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-disposition")).toContain("CLASSOUND-invoice-2026-990001.pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const csv = await call(invoiceCsv, issuedA);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("Flat fee");
    current = t.admin;
    expect((await call(invoicePdf, draftA)).status).toBe(200);
    expect((await call(creditNotePdf, creditB)).status).toBe(200);
  });

  it("refuse an end user", async () => {
    current = t.b.endUserActor;
    expect((await call(invoicePdf, issuedB)).status).toBe(403);
  });
});
