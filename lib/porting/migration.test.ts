import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrationsAround, runMigrationSql } from "@/lib/testing/migrations";
import { createEmptyDatabase } from "@/lib/testing/test-database";

// The migration that turns PortingRequest.numbers (a string array) into rows must keep existing
// requests' numbers: run the migrations before it, write a request the old way, then run it.
const MIGRATION = "porting_requests";
const client = new pg.Client({ connectionString: await createEmptyDatabase() });
await client.connect();
afterAll(() => client.end());

describe(`migration ${MIGRATION}`, () => {
  it("turns each request's numbers into rows with their country, dropping blanks and repeats", async () => {
    const { before, fromIt } = await migrationsAround(MIGRATION);
    await runMigrationSql(client, before);
    await client.query(`
      INSERT INTO "Country" ("code", "name", "dialCode", "callTerminationArea", "updatedAt") VALUES
        ('DE', 'Germany', '49', 1, now()), ('US', 'United States', '1', 4, now()), ('CA', 'Canada', '1', 4, now());
      INSERT INTO "PriceListTier" ("id", "code", "name") VALUES ('ctier000000000000000000001', 'GOLD', 'Gold');
      INSERT INTO "Partner" ("id", "name", "tierId", "countryCode", "billingEmail", "updatedAt") VALUES ('cpartner0000000000000000001', 'P', 'ctier000000000000000000001', 'DE', 'b@example.test', now());
      INSERT INTO "Customer" ("id", "partnerId", "name", "countryCode", "updatedAt") VALUES ('ccustomer000000000000000001', 'cpartner0000000000000000001', 'C', 'CA', now());
      INSERT INTO "Pbx" ("id", "serial", "name", "customerId", "licensePlan", "termStart", "softwareVersion", "updatedAt")
        VALUES ('cpbx00000000000000000000001', 'S1', 'PBX', 'ccustomer000000000000000001', 'YEARLY', now(), '6.0', now());
      INSERT INTO "PhoneNumber" ("id", "e164", "countryCode", "type", "updatedAt") VALUES ('cphone000000000000000000001', '+12025550123', 'US', 'GEOGRAPHIC', now());
      INSERT INTO "PortingRequest" ("id", "partnerId", "pbxId", "numbers", "status", "createdById", "updatedAt")
        VALUES ('cport00000000000000000000001', 'cpartner0000000000000000001', 'cpbx00000000000000000000001',
                ARRAY['+493012345670', '+493012345670', ' ', '+12025550123', '+14165550123'], 'SCHEDULED', 'u', now());
    `);
    await runMigrationSql(client, fromIt.slice(0, 1));
    const { rows } = await client.query(
      `SELECT "e164", "countryCode", "phoneNumberId" FROM "PortingRequestNumber" WHERE "requestId" = 'cport00000000000000000000001' ORDER BY "e164"`,
    );
    expect(rows).toEqual([
      { e164: "+12025550123", countryCode: "US", phoneNumberId: "cphone000000000000000000001" },
      { e164: "+14165550123", countryCode: "CA", phoneNumberId: null },
      { e164: "+493012345670", countryCode: "DE", phoneNumberId: null },
    ]);
    const request = await client.query(
      `SELECT "currentOperator", "accountHolder", "status"::text FROM "PortingRequest"`,
    );
    expect(request.rows).toEqual([
      { currentOperator: "Not recorded", accountHolder: "Not recorded", status: "SCHEDULED" },
    ]);
  });
});
