import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Puts a mail that was given up on back in line, with a fresh set of attempts (and its original
 * Message-ID). The caller then asks for its delivery (`requestOutboxEmailDelivery`).
 */
export async function resendOutboxEmail(db: Db, actor: Actor, outboxEmailId: string) {
  assertCan(actor, "jobs.manage");
  return db.$transaction(async (tx) => {
    const { count } = await tx.outboxEmail.updateMany({
      where: { id: outboxEmailId, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, leaseUntil: null },
    });
    if (!count) {
      const exists = await tx.outboxEmail.count({ where: { id: outboxEmailId } });
      throw exists
        ? new AppError("INVALID", "Only a mail whose delivery failed can be resent.")
        : new AppError("NOT_FOUND", "This e-mail does not exist.");
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "mail.resent",
      entityType: "OutboxEmail",
      entityId: outboxEmailId,
    });
  });
}
