/**
 * What a partner API key may do (issue 34): "<area>:read" or "<area>:write", write including read.
 * No runtime imports: the key form and the OpenAPI document read it too.
 */
export const API_AREAS = [
  "customers",
  "pbxs",
  "activations",
  "numbers",
  "porting",
  "emergency",
  "pricelists",
  "invoices",
  "records",
  "tickets",
  "webhooks",
] as const;
export type ApiArea = (typeof API_AREAS)[number];

/** What the key form calls each area. */
export const API_AREA_LABEL: Record<ApiArea, string> = {
  customers: "Customers",
  pbxs: "PBXs",
  activations: "Activation requests",
  numbers: "Numbers",
  porting: "Porting",
  emergency: "Emergency locations",
  pricelists: "Price lists",
  invoices: "Invoices",
  records: "Call and SMS records",
  tickets: "Support tickets",
  webhooks: "Webhooks",
};
export type ApiScope = `${ApiArea}:${"read" | "write"}`;

export const API_SCOPES = API_AREAS.flatMap((area) => [`${area}:read`, `${area}:write`] as const) as ApiScope[];

/** Whether a key's scopes allow `needed` (a write scope allows its area's reads). */
export function scopeAllows(granted: readonly string[], needed: ApiScope): boolean {
  const [area, access] = needed.split(":");
  return granted.includes(needed) || (access === "read" && granted.includes(`${area}:write`));
}
