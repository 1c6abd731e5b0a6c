import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";

// The requests an admin has to act on: new ones and those taken into review.
const AWAITING_REVIEW = ["SUBMITTED", "IN_REVIEW"] as const;

/** Platform-wide counts for the admin dashboard. */
export async function adminOverview(db: Db, actor: Actor, now = new Date()) {
  assertCan(actor, "admin.area");
  const [
    partners,
    customers,
    pbxs,
    activeServices,
    availableNumbers,
    assignedNumbers,
    failedSignIns24h,
    activationsToReview,
    oldestWaiting,
  ] = await Promise.all([
    db.partner.count(),
    db.customer.count(),
    db.pbx.count(),
    db.classoundService.count({ where: { status: "ACTIVE" } }),
    db.phoneNumber.count({ where: { status: "AVAILABLE" } }),
    db.phoneNumber.count({ where: { status: "ASSIGNED" } }),
    db.signInAttempt.count({ where: { succeeded: false, createdAt: { gte: new Date(now.getTime() - 86_400_000) } } }),
    db.activationRequest.count({ where: { status: { in: [...AWAITING_REVIEW] } } }),
    db.activationRequest.findFirst({
      where: { status: { in: [...AWAITING_REVIEW] } },
      orderBy: { submittedAt: "asc" },
      select: { submittedAt: true },
    }),
  ]);
  return {
    partners,
    customers,
    pbxs,
    activeServices,
    availableNumbers,
    assignedNumbers,
    failedSignIns24h,
    activationsToReview,
    oldestWaitingSince: oldestWaiting?.submittedAt ?? null,
  };
}
