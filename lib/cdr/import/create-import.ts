import type { Db } from "@/lib/db/client";
import type { CdrImportSource, ImportKind } from "@/lib/db/generated/client";

/** The job row of an import (calls unless `kind` says SMS), QUEUED until a run picks it up. */
export function createImportRow(
  db: Pick<Db, "cdrImport">,
  data: {
    source: CdrImportSource;
    kind?: ImportKind;
    fileName: string;
    storageKey?: string;
    pbxId?: string;
    createdById?: string;
  },
) {
  return db.cdrImport.create({ data, select: { id: true } });
}
