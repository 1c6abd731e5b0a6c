import { apiRoute } from "@/lib/api/api-route";
import { apiPriceListFile, priceListXlsxEndpoint } from "@/lib/api/endpoints/pricelists";

export const GET = apiRoute(priceListXlsxEndpoint, ({ db, actor, query, now }) =>
  apiPriceListFile(db, actor, query.tier, "xlsx", now),
);
