export { auditActionLabel } from "./sentences";

/** The JSON detail as "key: value" pairs a person can read; nested values stay compact JSON. */
export function describeAuditDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return "";
  if (typeof detail !== "object" || Array.isArray(detail)) return JSON.stringify(detail);
  return Object.entries(detail as Record<string, unknown>)
    .map(
      ([key, value]) =>
        `${key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()}: ${typeof value === "string" ? value : JSON.stringify(value)}`,
    )
    .join(" · ");
}
