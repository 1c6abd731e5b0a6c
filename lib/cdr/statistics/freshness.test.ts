import { beforeAll, expect, it } from "vitest";
import { rateArrivals } from "@/lib/cdr/rate-arrivals";
import { storedCall } from "@/lib/testing/calls";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { callFreshness } from "./freshness";
import { freshnessSentence } from "./freshness-sentence";

const { prisma } = await createTestDatabase();
const NOW = new Date("2026-11-02T12:00:00Z");
let t: Awaited<ReturnType<typeof makeTwoTenants>>;
const at = (day: number, hour: number, minute: number) => new Date(Date.UTC(2026, 9, day, hour, minute));
const store = (tenant: typeof t.a, starts: Date[], prefix: string) =>
  prisma.callRecord.createMany({
    data: starts.map((startedAt, i) => storedCall(tenant, { externalId: `${prefix}${i}`, startedAt })),
  });

beforeAll(async () => {
  t = await makeTwoTenants(prisma);
});

it("names the newest counted call of the view, and the calls still waiting, each tenant its own", async () => {
  expect(await callFreshness(prisma, { actor: t.a.partnerActor, filters: {} })).toEqual({
    countedUpTo: null,
    waiting: 0,
    waitingFrom: null,
  });
  await store(t.a, [at(5, 9, 10), at(5, 9, 47), at(4, 18, 0)], "a");
  await store(t.b, [at(7, 16, 5)], "b");
  await rateArrivals(prisma, ["2026-10-01"], undefined, NOW);
  // B's newest call is later, and a late call of A's waits: neither shows in A's view.
  await store(t.b, [at(2, 8, 0)], "b-late");
  const a = await callFreshness(prisma, { actor: t.a.partnerActor, filters: {} });
  expect(a).toEqual({ countedUpTo: at(5, 9, 47).toISOString(), waiting: 0, waitingFrom: null });
  expect(await callFreshness(prisma, { actor: t.a.endUserActor, filters: {} })).toEqual(a);
  // A filter on another partner's PBX narrows the partner's own calls to none.
  expect(await callFreshness(prisma, { actor: t.a.partnerActor, filters: { pbx: t.b.pbx.id } })).toEqual({
    countedUpTo: null,
    waiting: 0,
    waitingFrom: null,
  });
  const b = { countedUpTo: at(7, 16, 5).toISOString(), waiting: 1, waitingFrom: at(2, 8, 0).toISOString() };
  expect(await callFreshness(prisma, { actor: t.b.partnerActor, filters: {} })).toEqual(b);
  expect(await callFreshness(prisma, { actor: t.admin, filters: {} })).toEqual(b);
  expect(await callFreshness(prisma, { actor: t.admin, filters: { partner: t.a.partner.id } })).toEqual(a);
  await rateArrivals(prisma, ["2026-10-01"], undefined, NOW);
  expect(await callFreshness(prisma, { actor: t.b.partnerActor, filters: {} })).toEqual({
    ...b,
    waiting: 0,
    waitingFrom: null,
  });
});

it("says it in the view's time zone, bounded by the oldest waiting call", () => {
  const now = new Date("2026-10-05T20:00:00Z");
  const counted = { countedUpTo: "2026-10-05T12:32:00.000Z", waiting: 0, waitingFrom: null };
  expect(freshnessSentence(counted, "Europe/Berlin", now)).toBe("Calls up to 14:32 CEST are counted.");
  expect(freshnessSentence(counted, "America/New_York", now)).toBe("Calls up to 08:32 GMT-4 are counted.");
  expect(freshnessSentence({ ...counted, countedUpTo: "2026-10-03T12:32:00.000Z" }, "UTC", now)).toBe(
    "Calls up to 3 Oct, 12:32 UTC are counted.",
  );
  expect(freshnessSentence({ ...counted, waiting: 1000, waitingFrom: "2026-10-05T12:40:00.000Z" }, "UTC", now)).toBe(
    "Calls up to 12:32 UTC are counted; 1,000 more calls are being rated.",
  );
  expect(freshnessSentence({ ...counted, waiting: 1, waitingFrom: "2026-10-05T07:05:00.000Z" }, "UTC", now)).toBe(
    "Calls up to 07:05 UTC are counted; 1 more call is being rated.",
  );
  expect(freshnessSentence({ countedUpTo: null, waiting: 0, waitingFrom: null }, "UTC", now)).toBe(
    "No calls counted yet.",
  );
  expect(
    freshnessSentence({ countedUpTo: null, waiting: 2, waitingFrom: "2026-10-05T07:05:00.000Z" }, "UTC", now),
  ).toBe("No calls counted yet; 2 calls are being rated.");
});
