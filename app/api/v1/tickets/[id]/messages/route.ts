import { apiRoute } from "@/lib/api/api-route";
import { replyToTicketEndpoint } from "@/lib/api/endpoints/tickets";
import { replyToApiTicket } from "@/lib/api/endpoints/tickets-handlers";

export const POST = apiRoute(replyToTicketEndpoint, ({ db, actor, params, body }) =>
  replyToApiTicket(db, actor, params.id, body),
);
