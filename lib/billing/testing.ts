import type { Db } from "@/lib/db/client";
import type { Prisma, ServiceChargeKind } from "@/lib/db/generated/client";
import { storedCall } from "@/lib/testing/calls";
import { makeUser, type Tenant } from "@/lib/testing/fixtures";

// Rows of a billing month for the invoice-run tests, written straight into their tables as the
// activation, licence-change and number-order code records them (their amounts and formulas are
// those code's to get right; the run bills them as recorded).

/** The tenant's PBX with CLASSOUND on it (the service a charge belongs to). */
export function makeService(db: Db, pbxId: string) {
  return db.classoundService.create({
    data: {
      pbxId,
      activatedAt: new Date("2026-10-01T00:00:00Z"),
      expiresAt: new Date("2027-05-01T00:00:00Z"),
    },
  });
}

export function makeCharge(
  db: Db,
  tenant: Pick<Tenant, "partner">,
  serviceId: string,
  fields: { kind: ServiceChargeKind; amount: string; createdAt: Date; description?: string },
) {
  return db.serviceCharge.create({
    data: {
      partnerId: tenant.partner.id,
      serviceId,
      kind: fields.kind,
      amount: fields.amount,
      currency: "EUR",
      description: fields.description ?? `${fields.kind}: ${fields.amount} EUR`,
      periodStart: fields.createdAt,
      periodEnd: new Date("2027-05-01T00:00:00Z"),
      createdAt: fields.createdAt,
    },
  });
}

/** A number order of the PBX with its setup and term lines (decision 0012's shape). */
export async function makeNumberOrder(
  db: Db,
  tenant: Pick<Tenant, "partner">,
  pbxId: string,
  fields: {
    createdAt: Date;
    status?: "COMPLETED" | "FAILED" | "PENDING";
    lines: {
      kind: string;
      description: string;
      quantity: number;
      unitPrice: string;
      amount: string;
      formula: string;
    }[];
  },
) {
  const user = await makeUser(db, "PARTNER", { partnerId: tenant.partner.id });
  return db.numberOrder.create({
    data: {
      partnerId: tenant.partner.id,
      pbxId,
      countryCode: "DE",
      type: "GEOGRAPHIC",
      blockSize: 1,
      blockCount: fields.lines[0]?.quantity ?? 1,
      status: fields.status ?? "COMPLETED",
      currency: "EUR",
      setupTotal: 0,
      monthlyTotal: 0,
      idempotencyKey: `key-${Math.random()}`,
      requestHash: "hash",
      createdById: user.id,
      createdAt: fields.createdAt,
      lines: { create: fields.lines.map((line, sortOrder) => ({ ...line, sortOrder })) },
    },
    include: { lines: { orderBy: { sortOrder: "asc" } } },
  });
}

let seq = 0;

/** `count` SMS of a PBX user, one a minute from `from`. */
export function sms(
  tenant: Pick<Tenant, "partner" | "customer">,
  pbxId: string,
  count: number,
  fields: { from: Date; extension?: string; direction?: "OUTBOUND" | "INBOUND" },
): Prisma.SmsRecordCreateManyInput[] {
  return Array.from({ length: count }, (_, i) => ({
    partnerId: tenant.partner.id,
    customerId: tenant.customer.id,
    pbxId,
    externalId: `sms-${++seq}`,
    direction: fields.direction ?? "OUTBOUND",
    fromE164: "+4930901820",
    toE164: "+4915112345678",
    extension: fields.extension ?? "100",
    sentAt: new Date(fields.from.getTime() + i * 60_000),
    currency: "EUR",
  }));
}

/** A call of a PBX, as `storedCall` but for any PBX of the tenant. */
export const callOf = (
  tenant: Pick<Tenant, "partner" | "customer">,
  pbxId: string,
  fields: Partial<Prisma.CallRecordCreateManyInput>,
) => storedCall({ ...tenant, pbx: { id: pbxId } as Tenant["pbx"] }, fields);
