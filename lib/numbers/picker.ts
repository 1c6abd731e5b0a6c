import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { EmergencyStatus } from "@/lib/db/generated/enums";
import { CALLER_ID_STATUSES, callerIdBlocked, GATED_OUTSIDE_EU } from "@/lib/emergency/gate";
import { AppError } from "@/lib/errors";
import { pageOf } from "@/lib/paging";
import { CNAM_COUNTRIES } from "@/lib/tickets/categories";
import {
  ALL_MATCHING_MAX,
  PICKER_PAGE_SIZE,
  searchDigits,
  ZNumberPick,
  type NumberPurpose,
  type TNumberPick,
} from "./picker-schemas";

/** A number by any part of its digits. */
export function digitsWhere(q: string | undefined): Prisma.PhoneNumberWhereInput {
  const digits = searchDigits(q);
  return digits ? { e164: { contains: digits } } : {};
}

/** The numbers a caller ID may be: outside the EU and the US, or with a location entered (R11 + R13, see gate.ts). */
const CALLER_ID_ALLOWED: Prisma.PhoneNumberWhereInput = {
  OR: [
    { AND: [{ country: { isEu: false } }, { countryCode: { notIn: [...GATED_OUTSIDE_EU] } }] },
    { emergencyStatus: { in: [...CALLER_ID_STATUSES] } },
  ],
};

const LISTED: Record<NumberPurpose, Prisma.PhoneNumberWhereInput> = {
  any: {},
  // A FreePhone number only receives calls; a number not in use is no longer the PBX's.
  defaultCaller: { status: "ASSIGNED", type: { not: "FREEPHONE" } },
  cnam: { status: "ASSIGNED" },
};

const ACCEPTED: Record<NumberPurpose, Prisma.PhoneNumberWhereInput> = {
  any: {},
  defaultCaller: { AND: [LISTED.defaultCaller, CALLER_ID_ALLOWED] },
  cnam: { AND: [LISTED.cnam, { countryCode: { in: [...CNAM_COUNTRIES] } }] },
};

type Candidate = { countryCode: string; emergencyStatus: EmergencyStatus; country: { isEu: boolean } };

/** Why the server would refuse a listed number for this purpose, in the partner's words; null when it accepts it. */
export function refusalOf(purpose: NumberPurpose, n: Candidate): string | null {
  if (purpose === "defaultCaller" && callerIdBlocked({ ...n, isEu: n.country.isEu }))
    return n.emergencyStatus === "CHANGES_REQUIRED"
      ? "Its emergency location needs the changes the operator asked for"
      : "No emergency location yet";
  if (purpose === "cnam" && !CNAM_COUNTRIES.includes(n.countryCode))
    return "A caller name is for US and Canadian numbers only";
  return null;
}

function pickWhere(
  actor: Actor,
  pick: z.output<typeof ZNumberPick>,
  rows: Record<NumberPurpose, Prisma.PhoneNumberWhereInput>,
) {
  // The tenant scope is one term of the AND: no filter can replace it.
  return { AND: [scope.phoneNumbers(actor), { pbxId: pick.pbxId }, rows[pick.purpose], digitsWhere(pick.q)] };
}

/** The where clause of the numbers the server accepts for this purpose among those matching the search. */
export function acceptedNumbersWhere(actor: Actor, pick: TNumberPick): Prisma.PhoneNumberWhereInput {
  return pickWhere(actor, ZNumberPick.parse(pick), ACCEPTED);
}

/** What a page of numbers shows of each one (a picker's, the emergency list's). */
export const NUMBER_ROW = { id: true, e164: true, countryCode: true, type: true, emergencyStatus: true } as const;

/**
 * One page of a PBX's numbers for a picker, searched by any part of their digits, each with the
 * reason it cannot be chosen (or null); `accepted` counts the matching numbers the server would take,
 * which "select all matching" selects.
 */
export async function searchPbxNumbers(db: Db, actor: Actor, raw: TNumberPick & { page?: number }) {
  assertCan(actor, "numbers.view");
  const pick = ZNumberPick.parse(raw);
  const listed = pickWhere(actor, pick, LISTED);
  const [total, accepted] = await Promise.all([
    db.phoneNumber.count({ where: listed }),
    db.phoneNumber.count({ where: pickWhere(actor, pick, ACCEPTED) }),
  ]);
  const { page, pageCount, skip, take } = pageOf(total, PICKER_PAGE_SIZE, raw.page);
  const rows = await db.phoneNumber.findMany({
    where: listed,
    orderBy: { e164: "asc" },
    skip,
    take,
    select: { ...NUMBER_ROW, country: { select: { isEu: true } } },
  });
  return {
    rows: rows.map(({ country, ...n }) => ({ ...n, refusal: refusalOf(pick.purpose, { ...n, country }) })),
    total,
    accepted,
    page,
    pageCount,
  };
}
export type NumberPickPage = Awaited<ReturnType<typeof searchPbxNumbers>>;

/** The ids of every accepted number matching the search, for an action given "all matching" (capped). */
export async function acceptedNumberIds(db: Pick<Db, "phoneNumber">, actor: Actor, pick: TNumberPick) {
  const rows = await db.phoneNumber.findMany({
    where: acceptedNumbersWhere(actor, pick),
    orderBy: { e164: "asc" },
    take: ALL_MATCHING_MAX + 1,
    select: { id: true },
  });
  if (rows.length > ALL_MATCHING_MAX)
    throw new AppError("INVALID", `More than ${ALL_MATCHING_MAX} numbers match: narrow the search.`, {
      numberIds: [`More than ${ALL_MATCHING_MAX} numbers match: narrow the search.`],
    });
  return rows.map((r) => r.id);
}
