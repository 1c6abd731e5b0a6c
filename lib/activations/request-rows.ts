import type { listActivationRequests } from "./queries";

/** The serializable rows the requests table shows. */
export function toRequestRows(requests: Awaited<ReturnType<typeof listActivationRequests>>["requests"]) {
  return requests.map((r) => ({
    id: r.id,
    status: r.status,
    pbxName: r.pbx.name,
    pbxSerial: r.pbx.serial,
    customerName: r.customer.name,
    partnerName: r.partner.name,
    countryName: r.country.name,
    submittedAt: r.submittedAt,
    updatedAt: r.updatedAt,
  }));
}
