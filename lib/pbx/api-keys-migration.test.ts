import pg from "pg";
import { describe, expect, it } from "vitest";
import { OLD_PARTNER_SQL, migrateAcross } from "@/lib/testing/migrations";

const MIGRATION = "one_model_of_key";

describe(`migration ${MIGRATION}`, () => {
  it("moves every PBX key to the one model of key, under its PBX's partner, still working", async () => {
    const { url, applied, left } = await migrateAcross(MIGRATION, (client) =>
      client.query(`
        ${OLD_PARTNER_SQL}
        INSERT INTO "Customer" (id, "partnerId", name, "countryCode", "updatedAt") VALUES ('c1', 'p1', 'C', 'DE', now());
        INSERT INTO "Pbx" (id, serial, name, "customerId", "licensePlan", "termStart", "softwareVersion", "updatedAt")
          VALUES ('x1', 'CS-1', 'PBX', 'c1', 'YEARLY', '2026-05-01', '6.01.20240310.2', now());
        INSERT INTO "PbxApiKey" (id, "pbxId", name, prefix, hash, "lastUsedAt", "revokedAt") VALUES
          ('k1', 'x1', 'Switch', 'cs_abc', 'h1', '2026-12-01 10:00', NULL),
          ('k2', 'x1', 'Old', 'cs_def', 'h2', NULL, '2026-11-01 10:00');`),
    );
    expect(applied).toBe(left);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT id, kind::text, "partnerId", "pbxId", name, hash, scopes, "revokedAt" IS NOT NULL AS revoked FROM "ApiKey" ORDER BY id`,
      );
      expect(rows).toEqual([
        { id: "k1", kind: "PBX", partnerId: "p1", pbxId: "x1", name: "Switch", hash: "h1", scopes: [], revoked: false },
        { id: "k2", kind: "PBX", partnerId: "p1", pbxId: "x1", name: "Old", hash: "h2", scopes: [], revoked: true },
      ]);
      await expect(
        client.query(
          `INSERT INTO "ApiKey" (id, kind, "partnerId", name, prefix, hash) VALUES ('k3', 'PBX', 'p1', 'x', 'x', 'h3')`,
        ),
      ).rejects.toThrow(/ApiKey_pbx_matches_kind/);
      await expect(
        client.query(
          `INSERT INTO "ApiKey" (id, kind, "partnerId", "pbxId", name, prefix, hash) VALUES ('k4', 'PARTNER', 'p1', 'x1', 'x', 'x', 'h4')`,
        ),
      ).rejects.toThrow(/ApiKey_pbx_matches_kind/);
    } finally {
      await client.end();
    }
  });
});
