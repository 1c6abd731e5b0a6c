import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { newApiKey } from "@/lib/api/key-secret";
import { API_AREAS, API_SCOPES, type ApiArea, type ApiScope } from "@/lib/api/scopes";
import type { MatrixCase } from "@/lib/api/testing/matrix-case";
import { makeTwoTenants, makeUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";

// The authorization matrix of issue 34: every /api/v1 endpoint × every kind of caller, with the
// cases (what a successful call needs) written beside each area in lib/api/matrix/.
const { prisma, url } = await createTestDatabase();
// Uploads made by the owners' calls land in a folder of this file's own.
const dataDir = await mkdtemp(path.join(os.tmpdir(), "classound-api-matrix-"));
Object.assign(process.env, { DATABASE_URL: url, CLASSOUND_DATA_DIR: dataDir });
const { API_ENDPOINTS } = await import("@/lib/api/endpoints");
const { callApi } = await import("@/lib/api/testing/call-api");
const { hostileFailures } = await import("@/lib/api/testing/hostile-calls");
const { db } = await import("@/lib/db/client");
afterAll(async () => {
  await db().$disconnect();
  await rm(dataDir, { recursive: true, force: true });
});

const CASES = Object.values(
  import.meta.glob<{ default: MatrixCase[] }>("/lib/api/matrix/*.ts", { eager: true }),
).flatMap((file) => file.default);
const nameOf = ({ method, path }: { method: string; path: string }) => `${method} ${path}`;

const { a, b } = await makeTwoTenants(prisma);
type TenantOf = typeof a;

async function makeKey(
  tenant: TenantOf,
  scopes: ApiScope[],
  extra: { revokedAt?: Date; expiresAt?: Date; kind?: "PBX"; createdById?: string } = {},
) {
  const { key, prefix, hash } = newApiKey();
  const { kind = "PARTNER", createdById = tenant.partnerActor.userId, ...dates } = extra;
  await prisma.apiKey.create({
    data: {
      kind,
      partnerId: tenant.partner.id,
      pbxId: kind === "PBX" ? tenant.pbx.id : null,
      name: `matrix ${prefix}`,
      prefix,
      hash,
      scopes: kind === "PBX" ? [] : scopes,
      createdById,
      ...dates,
    },
  });
  return key;
}

// The owner's key was made by a partner admin who has since been disabled: a key is the partner's,
// not its creator's, so every successful call below also proves that.
const departed = await makeUser(prisma, "PARTNER", { partnerId: a.partner.id });
const OWNER = await makeKey(a, API_SCOPES, { createdById: departed.id });
await prisma.user.update({ where: { id: departed.id }, data: { disabledAt: new Date() } });

/** Sets the agreement without touching the row's updatedAt, so the fingerprint below sees no change. */
const setAgreement = (status: "ACTIVE" | "SUSPENDED") =>
  prisma.$executeRaw`UPDATE "Partner" SET "agreementStatus" = ${status}::"AgreementStatus" WHERE id = ${a.partner.id}`;
const FOREIGN = await makeKey(b, API_SCOPES);
const readOnly = new Map<ApiArea, string>();
const otherArea = new Map<ApiArea, string>();
for (const area of API_AREAS) {
  readOnly.set(area, await makeKey(a, [`${area}:read`]));
  otherArea.set(
    area,
    await makeKey(
      a,
      API_SCOPES.filter((scope) => !scope.startsWith(`${area}:`)),
    ),
  );
}
const NOT_ALLOWED_IN: [string, string | null, Record<string, string>?][] = [
  ["no key", null],
  ["only the portal's session cookie", null, { cookie: "authjs.session-token=anything", origin: "http://portal.test" }],
  ["a revoked key", await makeKey(a, API_SCOPES, { revokedAt: new Date() })],
  ["an expired key", await makeKey(a, API_SCOPES, { expiresAt: new Date(Date.now() - 1000) })],
  ["a PBX's key", await makeKey(a, [], { kind: "PBX" })],
];

// Tables a refused call may still write: the key's rate window and last use.
const BOOKKEEPING = new Set(["ApiRateWindow", "ApiKey", "_prisma_migrations"]);
const tables = (
  await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
  )
)
  .map((row) => row.name)
  .filter((name) => !BOOKKEEPING.has(name));

/** Every row of every table but the bookkeeping ones, hashed: equal before and after means nothing changed. */
async function fingerprint(): Promise<string> {
  const parts = tables.map(
    (name) => `(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "${name}" t)`,
  );
  const [row] = await prisma.$queryRawUnsafe<{ sum: string }[]>(
    `SELECT md5(concat_ws(',', ${parts.join(", ")})) AS sum`,
  );
  return row!.sum;
}

it("has a case for every endpoint, and none for an endpoint that does not exist", () => {
  expect(CASES.map((c) => nameOf(c.endpoint)).sort()).toEqual(API_ENDPOINTS.map(nameOf).sort());
});

describe.each(CASES.map((c) => [nameOf(c.endpoint), c] as const))("%s", (_, matrixCase) => {
  const { endpoint } = matrixCase;
  const area = endpoint.scope.split(":")[0] as ApiArea;
  const isWrite = endpoint.scope.endsWith(":write");

  it("answers its owner and no one else, a refusal changes nothing, a malformed call is a 4xx", async () => {
    const { call, owned } = await matrixCase.prepare(prisma, a);
    expect(owned.length, "a case names what must not leak").toBeGreaterThan(0);
    // What the call itself carries may be echoed back (a problem's `instance` is the path): no leak.
    const sent = JSON.stringify(call);
    const secrets = owned.filter((secret) => !sent.includes(secret));
    const before = await fingerprint();
    const refusals: [string, string | null, number, Record<string, string>?][] = [
      ...NOT_ALLOWED_IN.map(
        ([who, key, headers]) => [who, key, 401, headers] as [string, string | null, number, Record<string, string>?],
      ),
      ["a key without the area's scopes", otherArea.get(area)!, 403],
      ...(isWrite ? [["a read-only key", readOnly.get(area)!, 403] as [string, string, number]] : []),
    ];
    for (const [who, key, status, headers] of refusals) {
      const answer = await callApi(key, endpoint, { ...call, headers: { ...call.headers, ...headers } });
      expect(answer.status, `${who}: ${answer.text}`).toBe(status);
      expect(answer.response.headers.get("content-type"), who).toBe("application/problem+json");
      for (const secret of secrets) expect(answer.text, `${who} saw ${secret}`).not.toContain(secret);
    }
    const asForeign = async () => {
      const foreign = await callApi(FOREIGN, endpoint, call);
      const expected = { "not-found": 404, empty: 200, own: matrixCase.status ?? endpoint.status ?? 200 };
      expect(foreign.status, `another partner: ${foreign.text}`).toBe(expected[matrixCase.foreign]);
      for (const secret of secrets) expect(foreign.text, `another partner saw ${secret}`).not.toContain(secret);
    };
    // A creation of the other partner's own changes the database: checked after the fingerprint.
    if (matrixCase.foreign !== "own") await asForeign();
    if (isWrite && matrixCase.whileSuspended !== "allowed") {
      await setAgreement("SUSPENDED");
      try {
        const suspended = await callApi(OWNER, endpoint, call);
        expect(suspended.status, `while suspended: ${suspended.text}`).toBe(403);
      } finally {
        await setAgreement("ACTIVE");
      }
    }
    expect(await fingerprint(), "a refused call changed something").toBe(before);
    // The owner's own key with every hostile variant of the call: 4xx problems, never a 5xx (a
    // variant may still be valid, e.g. a PATCH whose unknown fields are dropped, so this comes after).
    expect(await hostileFailures((e, variant) => callApi(OWNER, e, variant), [[endpoint, call]])).toEqual([]);
    if (matrixCase.foreign === "own") await asForeign();

    const owner = await callApi(OWNER, endpoint, call);
    expect(owner.status, owner.text).toBe(matrixCase.status ?? endpoint.status ?? 200);
    // A JSON read shows its owner something of its own (a file's text may be compressed).
    if (endpoint.method === "GET" && owner.json)
      expect(
        owned.some((secret) => owner.text.includes(secret)),
        "the owner sees its own",
      ).toBe(true);
  });
});
