import { apiRoute } from "@/lib/api/api-route";
import { numberProducts } from "@/lib/api/endpoints/number-handlers";
import { listNumberProductsEndpoint } from "@/lib/api/endpoints/numbers";

export const GET = apiRoute(listNumberProductsEndpoint, ({ db, actor, query, now }) =>
  numberProducts(db, actor, query.pbxId, now),
);
