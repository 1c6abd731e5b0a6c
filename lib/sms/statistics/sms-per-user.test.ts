import { beforeAll, describe, expect, it } from "vitest";
import { ZStatisticsFilters } from "@/lib/cdr/statistics/filters";
import type { Prisma } from "@/lib/db/generated/client";
import { actorOf, makeTenant, makeTenantUser, type Tenant } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { SMS_USERS_PAGE_SIZE, smsPerUser } from "./sms-per-user";

const { prisma } = await createTestDatabase();
let tenant: Tenant;
let other: Tenant;
const NOW = new Date("2026-10-20T12:00:00Z");
const at = (i: number) => new Date(Date.UTC(2026, 9, 2) + i * 60_000);

let seq = 0;
const sms = (t: Tenant, fields: Partial<Prisma.SmsRecordCreateManyInput>): Prisma.SmsRecordCreateManyInput => ({
  partnerId: t.partner.id,
  customerId: t.customer.id,
  pbxId: t.pbx.id,
  externalId: `s${seq++}`,
  direction: "OUTBOUND",
  fromE164: "+4930901820",
  toE164: "+4915112345678",
  extension: "100",
  sentAt: at(seq),
  currency: "EUR",
  ratedAt: NOW,
  cost: 0,
  endUserCost: 0,
  ...fields,
});

beforeAll(async () => {
  tenant = await makeTenant(prisma);
  other = await makeTenant(prisma);
  await prisma.smsRecord.createMany({
    data: [
      // 205 sent by extension 100 (the last 5 charged, as rating prices them), 7 received.
      ...Array.from({ length: 205 }, (_, i) => sms(tenant, i < 200 ? {} : { cost: "0.01200", endUserCost: "0.02000" })),
      ...Array.from({ length: 7 }, () => sms(tenant, { direction: "INBOUND", extension: "100" })),
      // Extensions 200..224 sent one each: a second page of users.
      ...Array.from({ length: SMS_USERS_PAGE_SIZE + 5 }, (_, i) => sms(tenant, { extension: String(200 + i) })),
      // September and another partner's: not this month's, not this tenant's.
      sms(tenant, { sentAt: new Date("2026-09-30T12:00:00Z") }),
      sms(other, { extension: "100" }),
    ],
  });
});

const view = async (role: "PARTNER" | "END_USER", page = 1) =>
  smsPerUser(
    prisma,
    { actor: actorOf(await makeTenantUser(prisma, role, tenant)), filters: ZStatisticsFilters.parse({}), now: NOW },
    page,
  );

describe("SMS per user", () => {
  it("counts sent and received per user, with the 200 included and what is charged beyond", async () => {
    const { month, rows, total } = await view("PARTNER");
    expect(month).toBe("2026-10");
    expect(total).toBe(1 + SMS_USERS_PAGE_SIZE + 5);
    expect(rows[0]).toMatchObject({
      pbxId: tenant.pbx.id,
      extension: "100",
      sent: 205,
      received: 7,
      included: 200,
      charged: 5,
      unrated: 0,
      prices: { purchase: "0.06000", endUser: "0.10000" },
    });
  });

  it("shows an end user the End User prices only", async () => {
    const { rows, prices } = await view("END_USER");
    expect(prices).toEqual(["endUser"]);
    expect(rows[0].prices).toEqual({ endUser: "0.10000" });
  });

  it("pages the users", async () => {
    const second = await view("PARTNER", 2);
    expect(second.rows.map((r) => r.extension)).toHaveLength(6);
    expect(second.rows.every((r) => r.sent === 1 && r.charged === 0)).toBe(true);
  });
});
