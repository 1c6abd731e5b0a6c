import pg from "pg";
import { describe, expect, it } from "vitest";
import { ensureCallRecordPartitions } from "@/lib/cdr/partitions";
import { migrateAcross } from "@/lib/testing/migrations";

const MIGRATION = "calls_placed_by_numbering_plan";

describe(`migration ${MIGRATION}`, () => {
  it("gives every stored inbound call the type of its DID in the inventory", async () => {
    const { url, applied, left } = await migrateAcross(MIGRATION, async (client) => {
      await ensureCallRecordPartitions((sql) => client.query(sql), new Date("2026-10-01"), new Date("2026-10-01"));
      await client.query(`
        INSERT INTO "Country" (code, name, "dialCode", "callTerminationArea", "updatedAt") VALUES ('DE', 'Germany', '49', 1, now());
        INSERT INTO "PhoneNumber" (id, e164, "countryCode", type, "updatedAt") VALUES
          ('n1', '+498007240100', 'DE', 'FREEPHONE', now()), ('n2', '+4930901820', 'DE', 'GEOGRAPHIC', now());
        INSERT INTO "CallRecord" ("partnerId", "customerId", "pbxId", "externalId", direction, "fromE164", "toE164", "didE164",
          "startedAt", "durationSeconds", cost, currency) VALUES
          ('p1', 'c1', 'x1', 'free', 'INBOUND', '+4989123456', '+498007240100', '+498007240100', '2026-10-10 10:00', 60, 0, 'EUR'),
          ('p1', 'c1', 'x1', 'geo', 'INBOUND', '+4989123456', '+4930901820', NULL, '2026-10-10 10:00', 60, 0, 'EUR'),
          ('p1', 'c1', 'x1', 'unknown', 'INBOUND', '+4989123456', '+4930901899', '+4930901899', '2026-10-10 10:00', 60, 0, 'EUR'),
          ('p1', 'c1', 'x1', 'out', 'OUTBOUND', '+498007240100', '+4989123456', NULL, '2026-10-10 10:00', 60, 0, 'EUR');`);
    });
    expect(applied).toBe(left);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT "externalId", "numberType" FROM "CallRecord" ORDER BY "externalId"`);
      expect(rows.map((r) => [r.externalId, r.numberType])).toEqual([
        ["free", "FREEPHONE"],
        ["geo", "GEOGRAPHIC"],
        ["out", null],
        ["unknown", null],
      ]);
    } finally {
      await client.end();
    }
  });
});
