// Loads the page bench's portal to the second scale (issue 32): numbers up to NUMBERS
// (default 100,000) and CALLS calls (default 1,000,000), added straight into the database of a
// running portal (BENCH_DATA_DIR, as bench:pages takes it), then the roll-ups rebuilt and ANALYZE.
// Half the numbers go to the demo partner's biggest PBX, the rest stay in stock; the calls are spread
// over the demo partner's PBXs from the first of last month to now, priced as rated.
//   BENCH_DATA_DIR=.data/pages npx tsx bench/pages/add-volume.ts
import { readFileSync } from "node:fs";
import { refreshCallRollups } from "@/lib/cdr/rollups/refresh";
import { createPrismaClient } from "@/lib/db/client";
import { databaseUrlFile } from "@/lib/db/database-url-file";
import { demoLogin } from "../../e2e/fixtures";

const DATA_DIR = process.env.BENCH_DATA_DIR;
if (!DATA_DIR) throw new Error("BENCH_DATA_DIR: the running portal's data directory.");
const NUMBERS = Number(process.env.NUMBERS ?? 100_000);
const CALLS = Number(process.env.CALLS ?? 1_000_000);
const db = createPrismaClient(readFileSync(databaseUrlFile(DATA_DIR), "utf8").trim(), 2);
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);

const partner = await db.user.findUniqueOrThrow({ where: { email: demoLogin("PARTNER").email } });
const pbxs = await db.pbx.findMany({
  where: { customer: { partnerId: partner.partnerId! } },
  orderBy: { phoneNumbers: { _count: "desc" } },
  select: { id: true, customerId: true },
});
const biggest = pbxs[0]!;

let from = performance.now();
const missing = Math.max(0, NUMBERS - (await db.phoneNumber.count()));
// German geographic numbers in a range of their own (+49 30 9…), every other one on the biggest PBX.
await db.$executeRaw`
  INSERT INTO "PhoneNumber" ("id", "e164", "countryCode", "type", "status", "partnerId", "pbxId", "assignedAt", "areaName", "updatedAt")
  SELECT 'bench-number-' || n, '+49309' || lpad(n::text, 7, '0'), 'DE', 'GEOGRAPHIC',
         CASE WHEN n % 2 = 0 THEN 'ASSIGNED' ELSE 'AVAILABLE' END::"NumberStatus",
         CASE WHEN n % 2 = 0 THEN ${partner.partnerId} END, CASE WHEN n % 2 = 0 THEN ${biggest.id} END,
         CASE WHEN n % 2 = 0 THEN now() END, 'Berlin', now()
  FROM generate_series(1, ${missing}) n
  ON CONFLICT ("e164") DO NOTHING`;
console.log(`${missing} numbers added in ${seconds(from)} s`);

from = performance.now();
const now = new Date();
const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
const span = Math.floor((now.getTime() - start.getTime()) / 1000);
const pbxRows = JSON.stringify(pbxs.map((p, i) => ({ i, id: p.id, customerId: p.customerId })));
await db.$executeRaw`
  INSERT INTO "CallRecord" ("partnerId", "customerId", "pbxId", "externalId", "direction", "fromE164", "toE164", "extension",
                            "countryCode", "area", "startedAt", "durationSeconds", "disposition", "billedSeconds",
                            "cost", "endUserCost", "currency", "ratedAt")
  SELECT ${partner.partnerId}, p."customerId", p.id, 'bench-call-' || n,
         CASE WHEN n % 3 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END::"CallDirection",
         '+4930' || (1000000 + n % 5000), '+4989' || (2000000 + (n::bigint * 7919) % 20000), (100 + n % 12)::text,
         'DE', 1 + n % 3, ${start}::timestamp + make_interval(secs => (n::bigint * 7919) % ${span}),
         CASE WHEN n % 5 = 0 THEN 0 ELSE 30 + n % 600 END,
         CASE WHEN n % 5 = 0 THEN 'NO_ANSWER' ELSE 'ANSWERED' END::"CallDisposition",
         CASE WHEN n % 5 = 0 THEN 0 ELSE 30 + n % 600 END,
         ((n % 600) / 60 * 0.019)::numeric(14, 5), ((n % 600) / 60 * 0.025)::numeric(14, 5), 'EUR', now()
  FROM generate_series(1, ${CALLS}) n
  JOIN json_to_recordset(${pbxRows}::json) AS p(i int, id text, "customerId" text) ON p.i = n % ${pbxs.length}`;
console.log(`${CALLS} calls added over ${pbxs.length} PBXs in ${seconds(from)} s`);

from = performance.now();
await refreshCallRollups(db, { from: start, to: now }, now);
await db.$executeRawUnsafe("ANALYZE");
console.log(`roll-ups rebuilt and ANALYZE in ${seconds(from)} s`);
await db.$disconnect();
