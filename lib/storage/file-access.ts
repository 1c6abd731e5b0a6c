import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

/**
 * Who may read a stored file: admins any; a partner its own uploads (and its customers' compliance
 * copies, which are its uploads); anyone signed in but end users, the operator's templates.
 */
export function fileScope(actor: Actor): Prisma.StoredFileWhereInput {
  if (actor.role === "ADMIN") return {};
  const templates: Prisma.StoredFileWhereInput = { partnerId: null, templateFor: { some: {} } };
  if (actor.role === "PARTNER" && actor.partnerId) return { OR: [{ partnerId: actor.partnerId }, templates] };
  return { id: { in: [] } };
}

export async function loadReadableFile(db: Db, actor: Actor, fileId: string) {
  const file = await db.storedFile.findFirst({ where: { id: fileId, ...fileScope(actor) } });
  if (!file) throw new AppError("NOT_FOUND", "This file does not exist.");
  return file;
}
