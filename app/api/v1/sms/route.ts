import { apiRoute } from "@/lib/api/api-route";
import { listSmsEndpoint, smsPage } from "@/lib/api/endpoints/records";

export const GET = apiRoute(listSmsEndpoint, ({ db, actor, query, now }) => smsPage(db, actor, query, now));
