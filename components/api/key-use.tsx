import { formatDate, formatDateTime } from "@/lib/format";

export interface KeyUse {
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedFrom?: string | null;
  expiresAt?: Date | null;
  revokedAt: Date | null;
}

/** A key's life in one line, PBX or partner key alike: made, last used (when, from where), ends. */
export function KeyUseLine({ use, createdBy }: { use: KeyUse; createdBy?: string | null }) {
  const parts = [
    `Created ${formatDate(use.createdAt)}${createdBy ? ` by ${createdBy}` : ""}`,
    use.lastUsedAt
      ? `last used ${formatDateTime(use.lastUsedAt)}${use.lastUsedFrom ? ` from ${use.lastUsedFrom}` : ""}`
      : "never used",
    use.revokedAt
      ? `revoked ${formatDate(use.revokedAt)}`
      : use.expiresAt
        ? `refused from ${formatDateTime(use.expiresAt)}`
        : null,
  ];
  return <span className="block text-xs text-muted-foreground">{parts.filter(Boolean).join(" · ")}</span>;
}
