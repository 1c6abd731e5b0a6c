import { Readable } from "node:stream";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { downloadHeaders } from "@/lib/http/download";
import { ZId } from "@/lib/http/ids";
import { route } from "@/lib/http/route";
import { PRICE_LIST_FORMATS, priceListDocument } from "@/lib/pricing/price-list-document";
import { ZTierCode } from "@/lib/pricing/schemas";

// `?version=` names a stored version (past or upcoming); anything else in it cannot name one.
const ZQuery = z.object({ version: ZId.optional() });

// Generated on demand and streamed: the first bytes leave while later pages are still being written.
export const GET = route(
  { permission: "pricelist.view", params: z.object({ tier: ZTierCode, format: z.enum(PRICE_LIST_FORMATS) }) },
  async ({ request, params, actor, db }) => {
    const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new AppError("NOT_FOUND", "No such price-list version.");
    const document = await priceListDocument(db, actor, params.tier, params.format, new Date(), query.data.version);
    return new Response(Readable.toWeb(document.stream) as ReadableStream, {
      headers: downloadHeaders(document, "attachment"),
    });
  },
);
