import { apiRoute } from "@/lib/api/api-route";
import { getTicketEndpoint } from "@/lib/api/endpoints/tickets";
import { apiTicket } from "@/lib/api/endpoints/tickets-handlers";

export const GET = apiRoute(getTicketEndpoint, ({ db, actor, params }) => apiTicket(db, actor, params.id));
