import type { Db } from "@/lib/db/client";
import type { AuditRef } from "./sentences";

/**
 * The names of the entities a page of audit entries refers to, in one query whatever the page's
 * size (a CASE of scalar subqueries over the ids, each an index lookup). An entity deleted since
 * has no name: its sentence says "a PBX" and the like. Keyed "type:id".
 */
export async function auditNames(db: Pick<Db, "$queryRaw">, refs: readonly AuditRef[]): Promise<Map<string, string>> {
  const unique = [...new Map(refs.map((r) => [`${r[0]}:${r[1]}`, r])).values()];
  if (!unique.length) return new Map();
  const rows = await db.$queryRaw<{ type: string; id: string; name: string | null }[]>`
    SELECT r."type", r."id", CASE r."type"
      WHEN 'Pbx' THEN (SELECT p."name" FROM "Pbx" p WHERE p."id" = r."id")
      WHEN 'Partner' THEN (SELECT p."name" FROM "Partner" p WHERE p."id" = r."id")
      WHEN 'Customer' THEN (SELECT c."name" FROM "Customer" c WHERE c."id" = r."id")
      WHEN 'User' THEN (SELECT u."name" FROM "User" u WHERE u."id" = r."id")
      WHEN 'Country' THEN (SELECT c."name" FROM "Country" c WHERE c."code" = r."id")
      WHEN 'PhoneNumber' THEN (SELECT n."e164" FROM "PhoneNumber" n WHERE n."id" = r."id")
      WHEN 'PriceList' THEN (SELECT l."name" FROM "PriceList" l WHERE l."id" = r."id")
      WHEN 'EmergencyLocation' THEN (SELECT '“' || l."name" || '”' FROM "EmergencyLocation" l WHERE l."id" = r."id")
      WHEN 'Ticket' THEN (SELECT '“' || t."subject" || '”' FROM "Ticket" t WHERE t."id" = r."id")
      WHEN 'StoredFile' THEN (SELECT '“' || f."fileName" || '”' FROM "StoredFile" f WHERE f."id" = r."id")
      WHEN 'NumberRangeImport' THEN (SELECT '“' || i."fileName" || '”' FROM "NumberRangeImport" i WHERE i."id" = r."id")
      WHEN 'OutboxEmail' THEN (SELECT '“' || m."subject" || '” to ' || m."to" FROM "OutboxEmail" m WHERE m."id" = r."id")
      WHEN 'RequiredDocument' THEN
        (SELECT '“' || d."name" || '” of ' || d."countryCode" FROM "RequiredDocument" d WHERE d."id" = r."id")
      WHEN 'ActivationDocument' THEN (SELECT '“' || d."name" || '”' FROM "ActivationDocument" d WHERE d."id" = r."id")
      WHEN 'ComplianceDocument' THEN
        (SELECT '“' || d."name" || '” of ' || c."name" FROM "ComplianceDocument" x
           JOIN "RequiredDocument" d ON d."id" = x."requiredDocumentId" JOIN "Customer" c ON c."id" = x."customerId"
         WHERE x."id" = r."id")
      WHEN 'ActivationRequest' THEN
        (SELECT p."name" FROM "ActivationRequest" a JOIN "Pbx" p ON p."id" = a."pbxId" WHERE a."id" = r."id")
      WHEN 'PortingRequest' THEN
        (SELECT p."name" FROM "PortingRequest" a JOIN "Pbx" p ON p."id" = a."pbxId" WHERE a."id" = r."id")
      WHEN 'NumberOrder' THEN
        (SELECT p."name" FROM "NumberOrder" o JOIN "Pbx" p ON p."id" = o."pbxId" WHERE o."id" = r."id")
    END AS "name"
    FROM unnest(${unique.map((r) => r[0])}::text[], ${unique.map((r) => r[1])}::text[]) AS r("type", "id")`;
  return new Map(rows.filter((r) => r.name).map((r) => [`${r.type}:${r.id}`, r.name!]));
}

/** The target types in words, for the filter. */
export const AUDIT_TARGET_LABEL: Record<string, string> = {
  ActivationDocument: "Activation document",
  ActivationRequest: "Activation request",
  ComplianceDocument: "Compliance document",
  Country: "Country",
  Customer: "Customer",
  EmergencyLocation: "Emergency site",
  Job: "Background job",
  Invoice: "Invoice",
  NumberOrder: "Number order",
  NumberRangeImport: "Number-range import",
  OutboxEmail: "E-mail",
  Partner: "Partner",
  Pbx: "PBX",
  PhoneNumber: "Phone number",
  PortingRequest: "Port-in request",
  PriceList: "Price list",
  RequiredDocument: "Required document",
  StoredFile: "File",
  Ticket: "Ticket",
  User: "User",
};
