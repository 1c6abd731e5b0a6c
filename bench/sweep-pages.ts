import type { Browser } from "@playwright/test";
import type { Db } from "@/lib/db/client";
import { demoLogin, makeE2eTenant, mintedSession } from "../e2e/fixtures";
import { pageIds, portalPages } from "../e2e/portal-pages";

/**
 * The pages a bench visits, as the e2e sweep lists them, with real ids: the sweep's own tenant gives
 * a draft, an order, a ticket...; the demo partner's PBX with the most numbers stands in for its PBX,
 * so the PBX pages are rendered at the demo's scale. Pages on the sweep tenant's own rows
 * (`sweepRows`) are opened by a user of that tenant: the demo users may not.
 */
export async function sweepPages(db: Db, browser: Browser, baseURL: string) {
  const tenant = await makeE2eTenant(db);
  const sweepPartner = await mintedSession(browser, db, "PARTNER", tenant, baseURL);
  const ids = await pageIds(db, sweepPartner, tenant);
  await sweepPartner.context.close();
  const demoPartner = await db.user.findUniqueOrThrow({ where: { email: demoLogin("PARTNER").email } });
  const biggestPbx = await db.pbx.findFirstOrThrow({
    where: { customer: { partnerId: demoPartner.partnerId! } },
    orderBy: { phoneNumbers: { _count: "desc" } },
    select: { id: true },
  });
  return {
    tenant,
    ids,
    pages: portalPages({ ...ids, pbxId: biggestPbx.id }),
    sweepRows: [ids.draftId, ids.orderId, ids.ticketId, ids.portingId],
  };
}
