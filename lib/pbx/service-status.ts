import type { ServiceStatus } from "@/lib/db/generated/enums";

/** A service that still runs: it bills, holds its customer and its numbers, and ends at its expiry (R3, R9). */
export const RUNNING_STATUSES = ["ACTIVE", "SUSPENDED"] as const satisfies readonly ServiceStatus[];
