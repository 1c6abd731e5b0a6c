import type { Prisma } from "@/lib/db/generated/client";
import type { Tenant } from "./fixtures";

let seq = 0;

/**
 * A call of the tenant's PBX written straight into the table, as a PBX reports it (neither placed
 * nor rated): an answered minute from extension 100 in Berlin to Munich on 5 October 2026, unless
 * `fields` say otherwise.
 */
export function storedCall(
  tenant: Pick<Tenant, "partner" | "customer" | "pbx">,
  fields: Partial<Prisma.CallRecordCreateManyInput> = {},
): Prisma.CallRecordCreateManyInput {
  return {
    partnerId: tenant.partner.id,
    customerId: tenant.customer.id,
    pbxId: tenant.pbx.id,
    externalId: `stored-call-${++seq}`,
    direction: "OUTBOUND",
    fromE164: "+4930901820",
    toE164: "+4989123456",
    extension: "100",
    startedAt: new Date("2026-10-05T09:00:00Z"),
    durationSeconds: 60,
    disposition: "ANSWERED",
    cost: 0,
    currency: "EUR",
    ...fields,
  };
}

/** Where the import places that call to Munich (decision 0043): rating reads the stored country and area. */
export const PLACED_IN_MUNICH = { countryCode: "DE", area: 1 } as const;
