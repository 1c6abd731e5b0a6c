import { apiRoute } from "@/lib/api/api-route";
import { listPbxsEndpoint, pbxsPage, registerApiPbx, registerPbxEndpoint } from "@/lib/api/endpoints/pbxs";

export const GET = apiRoute(listPbxsEndpoint, ({ db, actor, query }) => pbxsPage(db, actor, query));

export const POST = apiRoute(registerPbxEndpoint, ({ db, actor, body, now }) => registerApiPbx(db, actor, body, now));
