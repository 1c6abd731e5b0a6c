import { csvRow } from "@/lib/csv/cell";
import { auditActionLabel, describeAuditDetail } from "./labels";

type Entry = {
  createdAt: Date;
  actor: { name: string; email: string } | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  detail: unknown;
  ip: string | null;
  sentence: string;
};

/** The audit entries as CSV (RFC 4180, CRLF): what happened in words, then the action's label and code side by side. */
export function auditCsv(entries: Entry[]): string {
  const header = [
    "Time (UTC)",
    "What happened",
    "Who",
    "E-mail",
    "Action",
    "Action code",
    "Target type",
    "Target id",
    "Detail",
    "IP",
  ];
  const rows = entries.map((e) => [
    e.createdAt.toISOString(),
    e.sentence,
    e.actor?.name ?? "",
    e.actor?.email ?? "",
    auditActionLabel(e.action),
    e.action,
    e.entityType ?? "",
    e.entityId ?? "",
    describeAuditDetail(e.detail),
    e.ip ?? "",
  ]);
  return [header, ...rows].map(csvRow).join("");
}
