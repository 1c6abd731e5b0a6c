import type { Actor } from "@/lib/auth/actor";
import { scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** A stored file the actor may read (lib/auth/policy.ts decides which), or NOT_FOUND. */
export async function loadReadableFile(db: Db, actor: Actor, fileId: string) {
  const file = await db.storedFile.findFirst({ where: { AND: [scope.storedFiles(actor), { id: fileId }] } });
  if (!file) throw new AppError("NOT_FOUND", "This file does not exist.");
  return file;
}
