import { beforeAll, describe, expect, it } from "vitest";
import { END_USER_TIER_CODE } from "@/lib/auth/policy";
import { refreshCallRollups } from "@/lib/cdr/rollups/refresh";
import { cdrReratePublishedJob, cdrRerateJob } from "@/lib/jobs/cdr-jobs";
import type { JobContext } from "@/lib/jobs/definition";
import { publishDraft } from "@/lib/pricing/drafts";
import { storedCall } from "@/lib/testing/calls";
import { actorOf, makeCountry, makeTenant, makeUser, type Tenant } from "@/lib/testing/fixtures";
import { makePriceList, putPartnerOnTier } from "@/lib/testing/price-lists";
import { createTestDatabase } from "@/lib/testing/test-database";
import { rateMonth } from "./rate-month";

// Decision 0057: a draft price list prices no call, and does not end the version before it; once
// published, the re-rating that publishing queues prices the calls no version could.
const { prisma } = await createTestDatabase();
let tenant: Tenant;
let admin: ReturnType<typeof actorOf>;
const OCT_5 = new Date("2026-10-05T09:00:00Z");
const NOW = new Date("2026-11-02T12:00:00Z");

function jobContext() {
  const enqueued: string[] = [];
  const context: JobContext = {
    db: prisma,
    sendMail: null,
    now: () => NOW,
    enqueue: async (name, _data, key) => void enqueued.push(`${name}:${key}`),
  };
  return { context, enqueued };
}

const draft = async (...args: Parameters<typeof makePriceList>) => {
  const list = await makePriceList(...args);
  return prisma.priceList.update({ where: { id: list.id }, data: { publishedAt: null } });
};
const theCall = () => prisma.callRecord.findFirstOrThrow({ where: { externalId: "to-antigua" } });

beforeAll(async () => {
  await makeCountry(prisma, { code: "DE", area: 1 });
  await prisma.country.create({
    data: { code: "AG", name: "Antigua and Barbuda", dialCode: "1268", callTerminationArea: 4 },
  });
  tenant = await makeTenant(prisma);
  await putPartnerOnTier(prisma, tenant, "PEWTER");
  admin = actorOf(await makeUser(prisma, "ADMIN"));
  // 61 s to Area 4: charged from the first second.
  await prisma.callRecord.create({
    data: storedCall(tenant, {
      externalId: "to-antigua",
      toE164: "+12684601234",
      startedAt: OCT_5,
      durationSeconds: 61,
    }),
  });
});

describe("a draft in rating", () => {
  let pewterDraft: { id: string };
  let endUserDraft: { id: string };

  beforeAll(async () => {
    // The partner's tier has only a draft, dated before the call.
    pewterDraft = await draft(prisma, "PEWTER", { areas: { 1: "0.01000", 4: "0.30000" } });
    // The End User list: a version in force since January, and a draft dated before the call that,
    // were it a version, would have ended January's and priced the call instead.
    await makePriceList(prisma, END_USER_TIER_CODE, { areas: { 1: "0.02000", 4: "0.50000" } });
    endUserDraft = await draft(prisma, END_USER_TIER_CODE, {
      areas: { 1: "0.02000", 4: "0.90000" },
      validFrom: new Date("2026-10-01T00:00:00Z"),
    });
    await rateMonth(prisma, { month: "2026-10" });
    await refreshCallRollups(prisma, { from: OCT_5, to: OCT_5 }, NOW);
  });

  it("prices nothing: with only a draft for the partner's tier, the call has no price list", async () => {
    const call = await theCall();
    expect(call).toMatchObject({ unratedReason: "NO_PRICE_LIST", priceListId: null, cost: null, endUserCost: null });
  });

  it("queues no re-rating while a draft", async () => {
    const job = jobContext();
    await cdrReratePublishedJob.run(job.context, { priceListId: pewterDraft.id });
    expect(job.enqueued).toEqual([]);
  });

  it("once published, the re-rating it queues prices the call with it", async () => {
    await publishDraft(prisma, admin, { priceListId: pewterDraft.id }, NOW);
    const published = jobContext();
    await cdrReratePublishedJob.run(published.context, { priceListId: pewterDraft.id });
    const key = `2026-10:${tenant.partner.id}`;
    expect(published.enqueued).toEqual([`cdr-rerate:${key}`]);
    const rerate = jobContext();
    expect(await cdrRerateJob.run(rerate.context, { partnerId: tenant.partner.id, month: "2026-10" })).toMatchObject({
      calls: 1,
    });
    const call = await theCall();
    expect(call).toMatchObject({ unratedReason: null, priceListId: pewterDraft.id, billedSeconds: 61 });
    expect(call.cost?.toFixed(5)).toBe("0.30500"); // 0.30 x 61 / 60
    // The End User draft is still a draft: January's version prices the call.
    expect(call.endUserCost?.toFixed(5)).toBe("0.50833"); // 0.50 x 61 / 60
  });

  it("a past-dated draft published on a tier that had a version takes effect now: October keeps its price", async () => {
    const published = await publishDraft(prisma, admin, { priceListId: endUserDraft.id }, NOW);
    expect(published.validFrom).toEqual(NOW);
    await rateMonth(prisma, { month: "2026-10" });
    expect((await theCall()).endUserCost?.toFixed(5)).toBe("0.50833");
  });
});
