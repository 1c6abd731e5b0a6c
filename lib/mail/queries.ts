import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";

export const OUTBOX_PAGE_SIZE = 50;

/** A page of the e-mail outbox, newest first (admins only: it holds every user's mail). */
export async function listOutboxEmails(db: Db, actor: Actor, page = 1) {
  assertCan(actor, "audit.view");
  const [emails, total] = await Promise.all([
    db.outboxEmail.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
    }),
    db.outboxEmail.count(),
  ]);
  return { emails, total, page, pageCount: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)) };
}
