import { apiRoute } from "@/lib/api/api-route";
import { listTicketsEndpoint, openTicketEndpoint } from "@/lib/api/endpoints/tickets";
import { openApiTicket, ticketsPage } from "@/lib/api/endpoints/tickets-handlers";

export const GET = apiRoute(listTicketsEndpoint, ({ db, actor, query }) => ticketsPage(db, actor, query));

export const POST = apiRoute(openTicketEndpoint, ({ db, actor, body }) => openApiTicket(db, actor, body));
