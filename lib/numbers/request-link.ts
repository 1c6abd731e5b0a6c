import { formatNumber } from "@/lib/format";
import { NUMBER_TYPE_LABEL } from "./blocks";
import type { NumberType } from "@/lib/db/generated/enums";

/**
 * "Request these numbers": the support ticket form (lib/tickets, ZNewTicketSearch) prefilled with
 * the PBX and a subject naming the product, the area and how many, for a product or area whose stock
 * cannot fill the order. Support adds the numbers to stock and answers on the ticket.
 */
export function numberRequestHref(request: {
  pbxId: string;
  countryName: string;
  type: NumberType;
  areaName?: string | null;
  quantity?: number | null;
}): string {
  const what = `${request.countryName}, ${NUMBER_TYPE_LABEL[request.type]}${request.areaName ? ` (${request.areaName})` : ""}`;
  const count = request.quantity && request.quantity > 0 ? `${formatNumber(request.quantity)} × ` : "";
  const params = new URLSearchParams({
    category: "OTHER",
    pbx: request.pbxId,
    subject: `Request numbers: ${count}${what}`.slice(0, 150),
  });
  return `/tickets/new?${params}`;
}
