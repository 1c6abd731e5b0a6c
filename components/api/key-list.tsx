"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/http/action-result";
import { type KeyUse, KeyUseLine } from "./key-use";

export interface KeyListRow extends KeyUse {
  id: string;
  name: string;
  prefix: string;
  createdBy?: { name: string } | null;
}

/** Keys by name and first characters, how they were used, and a confirmed revoke; PBX and partner keys alike. */
export function KeyList<Row extends KeyListRow>({
  keys,
  revokeConsequence,
  revoke,
  details,
}: {
  keys: Row[];
  /** What revoking stops, for the confirmation: "The PBX can no longer post call records with it." */
  revokeConsequence: string;
  revoke: (keyId: string) => Promise<ActionResult<unknown>>;
  details?: (key: Row) => ReactNode;
}) {
  const router = useRouter();
  return (
    <ul className="divide-y divide-border text-sm">
      {keys.map((key) => (
        <li key={key.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span className="min-w-0">
            <span className="font-medium">{key.name}</span>{" "}
            <span className="font-mono text-xs text-muted-foreground">{key.prefix}…</span>
            {details?.(key)}
            <KeyUseLine use={key} createdBy={key.createdBy?.name} />
          </span>
          {!key.revokedAt && (
            <ConfirmDialog
              title={`Revoke the key “${key.name}”?`}
              description={`${revokeConsequence} This cannot be undone.`}
              confirmLabel="Revoke key"
              variant="danger"
              onConfirm={async () => {
                const result = await revoke(key.id);
                if (!result.ok) throw new Error(result.error);
                toast({ title: "Key revoked", variant: "success" });
                router.refresh();
              }}
              trigger={
                <Button variant="ghost" size="sm" className="text-danger-700" aria-label={`Revoke key ${key.name}`}>
                  Revoke
                </Button>
              }
            />
          )}
        </li>
      ))}
    </ul>
  );
}
