import type { Prisma } from "@/lib/db/generated/client";
import { storedCall } from "./calls";
import type { Tenant } from "./fixtures";

let seq = 0;

/**
 * An SMS of the tenant's PBX written straight into the table, as a PBX reports it (not rated): sent
 * by the stored call's extension between its numbers on 5 October 2026, unless `fields` say otherwise.
 */
export function storedSms(
  tenant: Pick<Tenant, "partner" | "customer" | "pbx">,
  fields: Partial<Prisma.SmsRecordCreateManyInput> = {},
): Prisma.SmsRecordCreateManyInput {
  const { partnerId, customerId, pbxId, direction, fromE164, toE164, extension, startedAt, currency } =
    storedCall(tenant);
  return {
    ...{ partnerId, customerId, pbxId, direction, fromE164, toE164, extension, currency },
    externalId: `stored-sms-${++seq}`,
    sentAt: startedAt,
    ...fields,
  };
}
