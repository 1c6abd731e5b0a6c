import type { Metadata } from "next";
import { z } from "zod";
import { PbxNumbersSection } from "@/components/numbers/pbx-numbers-section";
import { PbxPortingSection } from "@/components/porting/pbx-porting-section";
import { can, canChange } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { db } from "@/lib/db/client";
import { parseSearchParams, searchPage, searchText, type RawSearchParams } from "@/lib/http/search-params";
import { pbxNumbersOverview } from "@/lib/numbers/queries";
import { pbxIdOf } from "@/lib/pbx/hub-params";
import { pbxPortingOverview } from "@/lib/porting/queries";

export const metadata: Metadata = { title: "PBX numbers" };

const ZSearch = z.object({ q: searchText(30), page: searchPage });

/** The PBX hub's numbers tab: its numbers (searched, paged), the default caller, CNAM, and porting in. */
export default async function PbxNumbersPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const actor = await requirePermission("numbers.view");
  const pbxId = await pbxIdOf(params);
  const search = parseSearchParams(ZSearch, await searchParams);
  return (
    <div className="space-y-6">
      <PbxNumbersSection
        pbxId={pbxId}
        q={search.q}
        overview={pbxNumbersOverview(db(), actor, pbxId, search)}
        canOrder={canChange(actor, "numbers.order")}
        canManage={canChange(actor, "numbers.manage")}
        quarantineDays={readRuntimeEnv().NUMBER_QUARANTINE_DAYS}
      />
      {(can(actor, "porting.request") || can(actor, "porting.handle")) && (
        <PbxPortingSection
          pbxId={pbxId}
          overview={pbxPortingOverview(db(), actor, pbxId)}
          side={can(actor, "porting.handle") ? "admin" : "partner"}
        />
      )}
    </div>
  );
}
