import { Prisma } from "@/lib/db/generated/client";

/** Which raw call rows count as answered (ASR, ALOC): the roll-ups and the raw-table figures share it. */
export const ANSWERED_SQL = Prisma.sql`"disposition" = 'ANSWERED'`;

/**
 * The calls that draw on a user's R5 included minutes: outgoing, answered, to Area 1, by a known
 * extension (as lib/cdr/rating/sql.ts counts them).
 */
export const INCLUDED_MINUTES_CALL_SQL = Prisma.sql`"direction" = 'OUTBOUND' AND "area" = 1 AND ${ANSWERED_SQL} AND "extension" IS NOT NULL`;

/** The SMS that count against a user's R15 included 200. */
export const INCLUDED_SMS_SQL = Prisma.sql`"direction" = 'OUTBOUND' AND "extension" IS NOT NULL`;

/**
 * Calls without a price yet: not rated, or rated without one (docs/decisions/0041). Totals count them
 * apart ("12 calls not yet rated"), never as 0.
 */
export const UNRATED_CALL_SQL = Prisma.sql`("ratedAt" IS NULL OR "unratedReason" IS NOT NULL)`;
