import { apiRoute } from "@/lib/api/api-route";
import { releaseNumberEndpoint } from "@/lib/api/endpoints/numbers";
import { releaseNumber } from "@/lib/numbers/release";

export const POST = apiRoute(releaseNumberEndpoint, async ({ db, actor, params, now }) => ({
  id: params.id,
  ...(await releaseNumber(db, actor, { numberId: params.id }, now)),
}));
