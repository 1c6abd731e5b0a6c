import { apiRoute } from "@/lib/api/api-route";
import { apiPriceListFile, priceListPdfEndpoint } from "@/lib/api/endpoints/pricelists";

export const GET = apiRoute(priceListPdfEndpoint, ({ db, actor, query, now }) =>
  apiPriceListFile(db, actor, query.tier, "pdf", now),
);
