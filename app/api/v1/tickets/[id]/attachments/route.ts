import { apiRoute } from "@/lib/api/api-route";
import { attachToTicketEndpoint } from "@/lib/api/endpoints/tickets";
import { attachToApiTicket } from "@/lib/api/endpoints/tickets-handlers";

export const POST = apiRoute(attachToTicketEndpoint, ({ db, actor, params, body }) =>
  attachToApiTicket(db, actor, params.id, body),
);
