import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCanChange, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ZRunMonthRequest, type TRunMonthRequest } from "./schemas";

/** How many partner names the answer lists; beyond, it counts. */
const NAMED = 5;

/**
 * An admin asks for a month's invoice run, for one partner or all: checked and audited here, queued
 * by the caller after this returns (one `invoice-run` job per partner-month, which builds or rebuilds
 * its DRAFT; an issued invoice is left as it is). Only a month that has ended (in UTC) may be run,
 * so a draft never misses the rest of a month's charges.
 */
export async function requestInvoiceRuns(db: Db, actor: Actor, input: TRunMonthRequest, now: Date) {
  assertCanChange(actor, "invoices.manage");
  const { who, partnerId, month } = ZRunMonthRequest.parse(input);
  if (month >= now.toISOString().slice(0, 7))
    throw new AppError("INVALID", "Only a month that has ended can be invoiced.", {
      month: ["Choose a month that has ended"],
    });
  const partners = await db.partner.findMany({
    where: { AND: [scope.partners(actor), who === "one" ? { id: partnerId } : {}] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
  if (who === "one" && !partners.length)
    throw new AppError("NOT_FOUND", "This partner does not exist.", { partnerId: ["Choose a partner"] });
  await recordAudit(db, {
    actorId: actor.userId,
    action: "invoice.run_requested",
    ...(who === "one" ? { entityType: "Partner", entityId: partnerId } : {}),
    detail: { month, partners: partners.length },
  });
  return {
    month,
    jobs: partners.map((p) => ({ partnerId: p.id, month })),
    count: partners.length,
    named: partners.slice(0, NAMED).map((p) => p.name),
  };
}
