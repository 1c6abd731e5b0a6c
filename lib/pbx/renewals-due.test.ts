import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { makePbx, makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { RENEWALS_PAGE_SIZE, renewalsDue, renewalsDuePage } from "./renewals-due";

const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);
const DAY = 86_400_000;
const NOW = new Date("2027-02-01T08:00:00Z");
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

/** A PBX of the customer, registered `registered` days from NOW, whose service ends `ends` days from NOW. */
async function pbxEnding(
  db: Db,
  customerId: string,
  ends: number,
  extra: { registered?: number; ended?: boolean } = {},
) {
  const pbx = await makePbx(db, customerId, { termStart: at(-300), termExpiry: at(ends) });
  await db.pbx.update({ where: { id: pbx.id }, data: { createdAt: at(extra.registered ?? -200) } });
  await db.classoundService.create({
    data: {
      pbxId: pbx.id,
      activatedAt: at(-300),
      expiresAt: at(ends),
      ...(extra.ended ? { status: "EXPIRED", endedAt: at(ends) } : {}),
    },
  });
  return pbx;
}

describe("renewals due and new PBXs (dashboards)", () => {
  it("lists the actor's own services ending in the next 90 days, soonest first, and its PBXs of the last 30 days", async () => {
    const later = await pbxEnding(prisma, a.customer.id, 80, { registered: -3 });
    const soon = await pbxEnding(prisma, a.customer.id, 10);
    await pbxEnding(prisma, a.customer.id, 95);
    await pbxEnding(prisma, a.customer.id, -1, { ended: true });
    const foreign = await pbxEnding(prisma, b.customer.id, 5, { registered: -1 });
    const older = await prisma.pbx.update({ where: { id: a.pbx.id }, data: { createdAt: at(-31) } });

    const mine = await renewalsDue(prisma, a.partnerActor, { now: NOW });
    expect(mine.renewals.total).toBe(2);
    expect(mine.renewals.rows.map((r) => [r.pbxId, r.endsAt, r.customerName])).toEqual([
      [soon.id, at(10), a.customer.name],
      [later.id, at(80), a.customer.name],
    ]);
    expect(mine.newPbxs).toEqual({
      rows: [
        {
          pbxId: later.id,
          pbxName: later.name,
          customerName: a.customer.name,
          partnerName: a.partner.name,
          registeredAt: at(-3),
        },
      ],
      total: 1,
    });
    expect(mine.newPbxs.rows.map((r) => r.pbxId)).not.toContain(older.id);

    const theirs = await renewalsDue(prisma, b.partnerActor, { now: NOW });
    expect(theirs.renewals.rows.map((r) => r.pbxId)).toEqual([foreign.id]);
    expect(theirs.newPbxs.rows.map((r) => r.pbxId)).toEqual([foreign.id]);

    const everyone = await renewalsDue(prisma, admin, { now: NOW });
    expect(everyone.renewals.rows.map((r) => r.pbxId)).toEqual([foreign.id, soon.id, later.id]);
    expect(everyone.renewals.rows[0].partnerName).toBe(b.partner.name);

    await expect(renewalsDue(prisma, a.endUserActor, { now: NOW })).resolves.toMatchObject({
      renewals: { total: 2 },
    });
  });

  it("limits the dashboard's rows but counts them all, and pages the full list", async () => {
    const ids = [];
    for (let i = 0; i < RENEWALS_PAGE_SIZE + 2; i++) ids.push((await pbxEnding(prisma, b.customer.id, 20 + i)).id);

    const card = await renewalsDue(prisma, b.partnerActor, { now: NOW, limit: 5 });
    expect(card.renewals.rows).toHaveLength(5);
    expect(card.renewals.total).toBe(RENEWALS_PAGE_SIZE + 3);

    const first = await renewalsDuePage(prisma, b.partnerActor, { now: NOW });
    const second = await renewalsDuePage(prisma, b.partnerActor, { now: NOW, page: 2 });
    expect(first).toMatchObject({ total: RENEWALS_PAGE_SIZE + 3, page: 1, pageCount: 2 });
    expect([...first.rows, ...second.rows].map((r) => r.pbxId).slice(1)).toEqual(ids);
    // A page past the end shows the last one.
    expect((await renewalsDuePage(prisma, b.partnerActor, { now: NOW, page: 9 })).page).toBe(2);
  });
});
