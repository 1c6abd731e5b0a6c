import { apiRoute } from "@/lib/api/api-route";
import { apiPbx, getPbxEndpoint } from "@/lib/api/endpoints/pbxs";

export const GET = apiRoute(getPbxEndpoint, ({ db, actor, params }) => apiPbx(db, actor, params.id));
