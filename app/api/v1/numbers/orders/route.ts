import { apiRoute } from "@/lib/api/api-route";
import { orderApiNumbers } from "@/lib/api/endpoints/number-handlers";
import { orderNumbersEndpoint } from "@/lib/api/endpoints/numbers";

export const POST = apiRoute(orderNumbersEndpoint, ({ db, actor, request, headers, body, now }) =>
  orderApiNumbers(db, actor, { url: request.url, key: headers["Idempotency-Key"], body }, now),
);
