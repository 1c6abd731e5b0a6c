import pg from "pg";
import { describe, expect, it } from "vitest";
import { OLD_PARTNER_SQL, migrateAcross } from "@/lib/testing/migrations";

const MIGRATION = "invoice_run";

describe(`migration ${MIGRATION}`, () => {
  it("keeps invoices and lines written before it, and lets a draft have no number", async () => {
    const { url, applied, left } = await migrateAcross(MIGRATION, (client) =>
      client.query(`
        ${OLD_PARTNER_SQL}
        INSERT INTO "Invoice" (id, "partnerId", number, "periodStart", "periodEnd", status, currency, total) VALUES
          ('i1', 'p1', '2026-000001', '2026-09-30 22:00', '2026-10-31 23:00', 'ISSUED', 'EUR', 12.34);
        INSERT INTO "InvoiceLine" (id, "invoiceId", description, quantity, "unitPrice", amount) VALUES
          ('l1', 'i1', 'Flat fee', 1, 12.34, 12.34);`),
    );
    expect(applied).toBe(left);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT kind, formula, "sortOrder", "pbxId" FROM "InvoiceLine"`);
      expect(rows).toEqual([{ kind: "ACTIVATION", formula: "Flat fee", sortOrder: 0, pbxId: null }]);
      await client.query(`INSERT INTO "Invoice" (id, "partnerId", "periodStart", "periodEnd", currency, net, total)
        VALUES ('i2', 'p1', '2026-10-31 23:00', '2026-11-30 23:00', 'EUR', 0, 0)`);
      await expect(
        client.query(`INSERT INTO "InvoiceLine" (id, "invoiceId", description, quantity, "unitPrice", amount)
          VALUES ('l2', 'i2', 'x', 1, 1, 1)`),
      ).rejects.toThrow(/null value in column "formula"|violates not-null/);
    } finally {
      await client.end();
    }
  });
});
