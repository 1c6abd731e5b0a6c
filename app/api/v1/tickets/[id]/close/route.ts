import { apiRoute } from "@/lib/api/api-route";
import { closeTicketEndpoint } from "@/lib/api/endpoints/tickets";
import { closeApiTicket } from "@/lib/api/endpoints/tickets-handlers";

export const POST = apiRoute(closeTicketEndpoint, ({ db, actor, params }) => closeApiTicket(db, actor, params.id));
