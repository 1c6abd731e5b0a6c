import type { Actor } from "@/lib/auth/actor";
import { scope } from "@/lib/auth/policy";
import type { AuditAction } from "@/lib/audit/sentences";
import { Prisma } from "@/lib/db/generated/client";
import type { PbxLicenseEventKind, ServiceChargeKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { tierInForce } from "@/lib/partners/tier-in-force";
import { priceListInForce } from "@/lib/pricing/price-list-in-force";
import type { LevelCounts, TLicenceChange } from "./schemas";

// What every licence change shares (licence-change.ts): its PBX as read within the actor's scope,
// the prices it is charged at, and the plan of what it will write, which the preview shows and the
// change stores.

export type Tx = Prisma.TransactionClient;
export type Change<K extends TLicenceChange["kind"]> = Extract<TLicenceChange, { kind: K }>;

/** What a licence change will do, shown before it is confirmed and returned once it is done. */
export interface LicenceChangeOutcome {
  kind: TLicenceChange["kind"];
  /** What changes, one line each: "Term: 1 May 2027 to 1 May 2028". */
  changes: string[];
  /** The charge it raises, as exact decimal strings; null when it raises none (`notes` says why). */
  charge: { kind: ServiceChargeKind; amount: string; currency: string; description: string } | null;
  notes: string[];
}

/** Everything a change needs of its PBX, read within the actor's scope. */
export async function loadLicencePbx(db: Tx, actor: Actor, pbxId: string) {
  const pbx = await db.pbx.findFirst({
    where: { AND: [scope.pbxs(actor), { id: pbxId }] },
    select: {
      id: true,
      serial: true,
      name: true,
      licensePlan: true,
      licensing: true,
      termStart: true,
      termExpiry: true,
      softwareVersion: true,
      licenses: { select: { type: true, quantity: true } },
      customer: {
        select: { archivedAt: true, partnerId: true, partner: { select: { tierId: true, timeZone: true } } },
      },
      service: {
        select: { id: true, status: true, activatedAt: true, expiresAt: true, cancellationRequestedAt: true },
      },
    },
  });
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");
  if (pbx.customer.archivedAt)
    throw new AppError(
      "CONFLICT",
      "This PBX's customer is archived: restore the customer before changing its licence.",
    );
  return pbx;
}
export type LoadedPbx = Awaited<ReturnType<typeof loadLicencePbx>>;

/** Whether CLASSOUND runs on the PBX and follows its term (R3): active and not cancelled at term end. */
export const runningService = (pbx: LoadedPbx) =>
  pbx.service?.status === "ACTIVE" && !pbx.service.cancellationRequestedAt ? pbx.service : null;

/** The flat-fee bands the partner buys at on `at`: its tier then (decision 0041) and that tier's version in force. */
export async function bandsAt(db: Tx, pbx: LoadedPbx, at: Date) {
  const tierId = (await tierInForce(db, pbx.customer.partnerId, at))?.tierId ?? pbx.customer.partner.tierId;
  const priceList = await priceListInForce(db, tierId, at, {
    flatFeeBands: {
      select: { sku: true, minUsers: true, maxUsers: true, pricePerUser: true },
      orderBy: { minUsers: "asc" },
    },
  });
  if (!priceList)
    throw new AppError(
      "CONFLICT",
      `The partner's price list has no prices in force on ${formatDate(at)}, so this change cannot be charged. Publish one first.`,
    );
  return { bands: priceList.flatFeeBands, currency: priceList.currency, timeZone: pbx.customer.partner.timeZone };
}

export const fieldError = (code: AppError["code"], field: string, message: string) =>
  new AppError(code, message, { [field]: [message] });

export const NOTHING_CHANGED = "Nothing would change: the PBX already has these values.";

export interface Plan {
  outcome: LicenceChangeOutcome;
  event: { kind: PbxLicenseEventKind; effectiveAt: Date; detail: Prisma.InputJsonObject };
  audit: { action: AuditAction; detail: Prisma.InputJsonObject };
  pbxUpdate: Prisma.PbxUpdateInput;
  licences?: LevelCounts;
  /** A renewal moves the running service's expiry to the new one (R3). */
  serviceExpiry?: Date;
  charge?: {
    kind: ServiceChargeKind;
    amount: Prisma.Decimal;
    currency: string;
    description: string;
    periodStart: Date;
    periodEnd: Date;
  };
}

export function withCharge(
  plan: Omit<Plan, "outcome">,
  kind: TLicenceChange["kind"],
  changes: string[],
  notes: string[],
): Plan {
  const charge = plan.charge && plan.charge.amount.isPositive() ? plan.charge : undefined;
  const chargeDetail = charge
    ? {
        kind: charge.kind,
        amount: charge.amount.toFixed(2),
        currency: charge.currency,
        description: charge.description,
      }
    : null;
  return {
    ...plan,
    charge,
    event: { ...plan.event, detail: { ...plan.event.detail, charge: chargeDetail } },
    outcome: { kind, changes, charge: chargeDetail, notes },
  };
}
