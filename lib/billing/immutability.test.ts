import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OLD_PARTNER_SQL, migrateAcross } from "@/lib/testing/migrations";

const MIGRATION = "invoice_lifecycle";

/** The database's own guard (migration invoice_lifecycle): whatever code runs, an issued invoice stays as issued. */
describe(`migration ${MIGRATION}`, () => {
  let client: pg.Client;

  beforeAll(async () => {
    const { url, applied, left } = await migrateAcross(MIGRATION, (old) =>
      old.query(`
        ${OLD_PARTNER_SQL}
        INSERT INTO "Invoice" (id, "partnerId", "periodStart", "periodEnd", status, currency, total) VALUES
          ('i1', 'p1', '2026-09-30 22:00', '2026-10-31 23:00', 'DRAFT', 'EUR', 12.34);
        INSERT INTO "InvoiceLine" (id, "invoiceId", kind, description, quantity, "unitPrice", amount, formula, "sortOrder") VALUES
          ('l1', 'i1', 'ACTIVATION', 'Flat fee', 1, 12.34, 12.34, '1 × 12.34', 0);
        INSERT INTO "ServiceCharge" (id, "partnerId", description, amount, currency, "periodStart", "periodEnd", "invoiceId") VALUES
          ('c1', 'p1', 'Flat fee', 12.34, 'EUR', '2026-10-01', '2027-10-01', 'i1');`),
    );
    expect(applied).toBe(left);
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  afterAll(() => client?.end());

  const one = async (sql: string) => (await client.query(sql)).rows[0];

  it("gives a first-slice draft its total as net", async () => {
    expect(await one(`SELECT net::text, total::text, "vatAmount"::text FROM "Invoice" WHERE id = 'i1'`)).toEqual({
      net: "12.34",
      total: "12.34",
      vatAmount: "0.00",
    });
  });

  it("lets a draft change, then freezes it once issued but for its payment status", async () => {
    await client.query(`UPDATE "Invoice" SET total = 14.68, "vatAmount" = 2.34 WHERE id = 'i1'`);
    await client.query(`UPDATE "InvoiceLine" SET description = 'Flat fee (October)' WHERE id = 'l1'`);
    await client.query(
      `UPDATE "Invoice" SET status = 'ISSUED', number = '2026-000001', "issuedAt" = now(), "dueAt" = now() + interval '30 days' WHERE id = 'i1'`,
    );

    const refused = /is issued|cannot change|cannot be deleted/;
    await expect(client.query(`UPDATE "Invoice" SET total = 0 WHERE id = 'i1'`)).rejects.toThrow(refused);
    await expect(client.query(`UPDATE "Invoice" SET number = '2026-000002' WHERE id = 'i1'`)).rejects.toThrow(refused);
    await expect(client.query(`UPDATE "Invoice" SET status = 'DRAFT' WHERE id = 'i1'`)).rejects.toThrow(refused);
    await expect(client.query(`DELETE FROM "Invoice" WHERE id = 'i1'`)).rejects.toThrow(refused);
    await expect(client.query(`UPDATE "InvoiceLine" SET amount = 1 WHERE id = 'l1'`)).rejects.toThrow(refused);
    await expect(client.query(`DELETE FROM "InvoiceLine" WHERE id = 'l1'`)).rejects.toThrow(refused);
    await expect(
      client.query(`INSERT INTO "InvoiceLine" (id, "invoiceId", kind, description, quantity, "unitPrice", amount, formula, "sortOrder")
        VALUES ('l2', 'i1', 'ACTIVATION', 'x', 1, 1, 1, 'x', 1)`),
    ).rejects.toThrow(refused);
    await expect(client.query(`UPDATE "ServiceCharge" SET "invoiceId" = NULL WHERE id = 'c1'`)).rejects.toThrow(
      refused,
    );
    // A charge's other columns are not the invoice's business.
    await client.query(`UPDATE "ServiceCharge" SET description = 'Flat fee, 1 user' WHERE id = 'c1'`);

    await client.query(`UPDATE "Invoice" SET status = 'OVERDUE' WHERE id = 'i1'`);
    await client.query(`UPDATE "Invoice" SET status = 'PAID', "paidAt" = now() WHERE id = 'i1'`);
    await expect(client.query(`UPDATE "Invoice" SET status = 'OVERDUE' WHERE id = 'i1'`)).rejects.toThrow(refused);
    await expect(client.query(`UPDATE "Invoice" SET "paidAt" = NULL WHERE id = 'i1'`)).rejects.toThrow(refused);
    expect(await one(`SELECT status, total::text, number FROM "Invoice" WHERE id = 'i1'`)).toEqual({
      status: "PAID",
      total: "14.68",
      number: "2026-000001",
    });
  });

  it("keeps one resale rule per partner for all customers", async () => {
    await client.query(
      `INSERT INTO "ResalePricing" (id, "partnerId", basis, "updatedAt") VALUES ('r1', 'p1', 'END_USER_LIST', now())`,
    );
    await expect(
      client.query(
        `INSERT INTO "ResalePricing" (id, "partnerId", basis, "updatedAt") VALUES ('r2', 'p1', 'PURCHASE_MARKUP', now())`,
      ),
    ).rejects.toThrow(/duplicate key/);
  });
});
