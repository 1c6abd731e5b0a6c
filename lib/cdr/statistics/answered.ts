import { Prisma } from "@/lib/db/generated/client";

/** Which raw call rows count as answered (ASR, ALOC): the roll-ups and the raw-table figures share it. */
export const ANSWERED_SQL = Prisma.sql`"durationSeconds" > 0`;
