import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { complianceOverview } from "./compliance";
import { listEmergencyNumbers } from "./numbers";

export const PBX_SECTION_NUMBERS = 20;

/** The PBX page's Emergency section: its compliance row and its first numbers with location and status. */
export async function pbxEmergencyOverview(db: Db, actor: Actor, pbxId: string) {
  const [compliance, numbers] = await Promise.all([
    complianceOverview(db, actor, { pbxId }),
    listEmergencyNumbers(db, actor, { pbxId, pageSize: PBX_SECTION_NUMBERS }),
  ]);
  return { row: compliance.rows[0] ?? null, numbers: numbers.numbers, total: numbers.total };
}
