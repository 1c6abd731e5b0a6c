import { apiRoute } from "@/lib/api/api-route";
import { apiPriceList, getPriceListEndpoint } from "@/lib/api/endpoints/pricelists";

export const GET = apiRoute(getPriceListEndpoint, ({ db, actor, query, now }) =>
  apiPriceList(db, actor, query.tier, now),
);
