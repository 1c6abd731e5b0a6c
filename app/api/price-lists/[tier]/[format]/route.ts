import { Readable } from "node:stream";
import { z } from "zod";
import { downloadHeaders } from "@/lib/http/download";
import { route } from "@/lib/http/route";
import { PRICE_LIST_FORMATS, priceListDocument } from "@/lib/pricing/price-list-document";
import { ZTierCode } from "@/lib/pricing/schemas";

// Generated on demand and streamed: the first bytes leave while later pages are still being written.
export const GET = route(
  { permission: "pricelist.view", params: z.object({ tier: ZTierCode, format: z.enum(PRICE_LIST_FORMATS) }) },
  async ({ params, actor, db }) => {
    const document = await priceListDocument(db, actor, params.tier, params.format);
    return new Response(Readable.toWeb(document.stream) as ReadableStream, { headers: downloadHeaders(document, "attachment") });
  },
);
