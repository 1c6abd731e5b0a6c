import { apiRoute } from "@/lib/api/api-route";
import { getSiteEndpoint, updateSiteEndpoint } from "@/lib/api/endpoints/emergency";
import { apiSite, updateApiSite } from "@/lib/api/endpoints/emergency-sites";

export const GET = apiRoute(getSiteEndpoint, ({ db, actor, params }) => apiSite(db, actor, params.id));

export const PUT = apiRoute(updateSiteEndpoint, ({ db, actor, params, body, now }) =>
  updateApiSite(db, actor, params.id, body, now),
);
