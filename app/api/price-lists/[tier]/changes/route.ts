import { z } from "zod";
import { AppError } from "@/lib/errors";
import { downloadHeaders } from "@/lib/http/download";
import { ZId } from "@/lib/http/ids";
import { route } from "@/lib/http/route";
import { changesCsv, priceListChanges } from "@/lib/pricing/price-changes-view";
import { ZTierCode } from "@/lib/pricing/schemas";

const ZQuery = z.object({ from: ZId.optional(), to: ZId.optional() });

/** Every price that rose, fell, appeared or disappeared between two versions, as CSV. */
export const GET = route(
  { permission: "pricelist.view", params: z.object({ tier: ZTierCode }) },
  async ({ request, params, actor, db }) => {
    const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new AppError("NOT_FOUND", "No such price-list version.");
    const { tier, from, to, changes } = await priceListChanges(db, actor, { tierCode: params.tier, ...query.data });
    if (!from || !to) throw new AppError("NOT_FOUND", `${tier.name} has a single version: nothing to compare.`);
    const day = (date: Date) => date.toISOString().slice(0, 10);
    const fileName = `CLASSOUND-price-changes-${tier.name.replace(/[^A-Za-z0-9]+/g, "-")}-${day(from.validFrom)}-to-${day(to.validFrom)}.csv`;
    return new Response(changesCsv(changes, to.currency), {
      headers: downloadHeaders({ fileName, contentType: "text/csv; charset=utf-8" }, "attachment"),
    });
  },
);
