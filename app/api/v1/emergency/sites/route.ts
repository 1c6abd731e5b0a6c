import { apiRoute } from "@/lib/api/api-route";
import { createSiteEndpoint, listSitesEndpoint } from "@/lib/api/endpoints/emergency";
import { createApiSite, sitesPage } from "@/lib/api/endpoints/emergency-sites";

export const GET = apiRoute(listSitesEndpoint, ({ db, actor, query }) => sitesPage(db, actor, query));

export const POST = apiRoute(createSiteEndpoint, ({ db, actor, body }) => createApiSite(db, actor, body));
