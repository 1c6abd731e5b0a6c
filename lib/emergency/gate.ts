import type { EmergencyStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/tickets/thread";

/** R13 + R11: statuses at which a number may send calls as caller ID (its location is at least entered). */
export const CALLER_ID_STATUSES: readonly EmergencyStatus[] = ["ACTIVE", "PENDING"];
/** Countries outside the EU whose numbers need a dispatchable location first (E911). */
export const GATED_OUTSIDE_EU: readonly string[] = ["US"];

export function callerIdBlocked(number: {
  countryCode: string;
  isEu: boolean;
  emergencyStatus: EmergencyStatus;
}): boolean {
  const gated = number.isEu || GATED_OUTSIDE_EU.includes(number.countryCode);
  return gated && !CALLER_ID_STATUSES.includes(number.emergencyStatus);
}

/**
 * The gate (R11, R13): a number in an EU country or the US cannot be a caller ID or the PBX's
 * default number until its emergency location is entered (PENDING) or registered (ACTIVE). Takes
 * an id the caller has already scoped to the actor (the numbers flow, ticket resolution).
 */
export async function assertCallerIdAllowed(db: Pick<Tx, "phoneNumber">, numberId: string) {
  const number = await db.phoneNumber.findUnique({
    where: { id: numberId },
    select: { e164: true, countryCode: true, emergencyStatus: true, country: { select: { isEu: true } } },
  });
  if (!number) throw new AppError("NOT_FOUND", "This number does not exist.");
  if (callerIdBlocked({ ...number, isEu: number.country.isEu })) {
    const why =
      number.emergencyStatus === "CHANGES_REQUIRED"
        ? "its emergency location needs the changes the operator asked for"
        : "it has no emergency location yet";
    throw new AppError(
      "CONFLICT",
      `${number.e164} cannot be used as caller ID: ${why}. Enter its location on the Emergency page first.`,
      { numberIds: [`${number.e164}: ${why}`] },
    );
  }
}
