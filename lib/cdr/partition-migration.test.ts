import pg from "pg";
import { describe, expect, it } from "vitest";
import { OLD_PARTNER_SQL, migrateAcross } from "@/lib/testing/migrations";

const MIGRATION = "cdr_partitioned_calls_imports_api_keys";

describe(`migration ${MIGRATION}`, () => {
  it("keeps the calls and SMS already stored, backfilled, in the partitioned table", async () => {
    const { url, applied, left } = await migrateAcross(MIGRATION, (client) =>
      client.query(`
        ${OLD_PARTNER_SQL}
        INSERT INTO "Customer" (id, "partnerId", name, "countryCode", "updatedAt") VALUES ('c1', 'p1', 'C', 'DE', now());
        INSERT INTO "Pbx" (id, serial, name, "customerId", "licensePlan", "termStart", "softwareVersion", "updatedAt") VALUES ('x1', 'CS-1', 'PBX', 'c1', 'YEARLY', now(), '6.0', now());
        INSERT INTO "PbxLicense" ("pbxId", type, quantity) VALUES ('x1', 'BASIC', 3);
        INSERT INTO "CallRecord" ("partnerId", "customerId", "pbxId", direction, "fromE164", "toE164", "startedAt", "durationSeconds", "billedSeconds", cost, currency) VALUES
          ('p1', 'c1', 'x1', 'OUTBOUND', '+4930901820', '+4989123456', '2026-09-10 10:00', 120, 0, 0, 'EUR'),
          ('p1', 'c1', 'x1', 'INBOUND', '+4989123456', '+4930901820', '2026-10-10 10:00', 0, 0, 0, 'EUR');
        INSERT INTO "SmsRecord" ("partnerId", "customerId", "pbxId", direction, "fromE164", "toE164", "sentAt", cost, currency) VALUES
          ('p1', 'c1', 'x1', 'OUTBOUND', '+4930901820', '+4915112345678', '2026-10-10 10:00', 0, 'EUR');`),
    );
    expect(applied).toBe(left);

    const after = new pg.Client({ connectionString: url });
    await after.connect();
    const calls = await after.query(
      `SELECT "externalId", direction, extension, "didE164", disposition, "answeredAt" IS NOT NULL AS answered, tableoid::regclass::text AS part FROM "CallRecord" ORDER BY "startedAt"`,
    );
    expect(calls.rows).toEqual([
      {
        externalId: "legacy-1",
        direction: "OUTBOUND",
        extension: "101",
        didE164: null,
        disposition: "ANSWERED",
        answered: true,
        part: 'cdr_partitions."CallRecord_default"',
      },
      {
        externalId: "legacy-2",
        direction: "INBOUND",
        extension: null,
        didE164: "+4930901820",
        disposition: "NO_ANSWER",
        answered: false,
        part: 'cdr_partitions."CallRecord_default"',
      },
    ]);
    const sms = await after.query(`SELECT "externalId", extension FROM "SmsRecord"`);
    expect(sms.rows).toEqual([{ externalId: "legacy-1", extension: "101" }]);
    // New calls keep counting after the old ids.
    const { rows } = await after.query(`SELECT nextval('"CallRecord_id_seq"')::int AS next`);
    expect(rows[0].next).toBe(3);
    await expect(after.query(`UPDATE "CallRecord" SET "durationSeconds" = 14401`)).rejects.toThrow(
      /CallRecord_duration_0_to_4h/,
    );
    await after.end();
  });
});
