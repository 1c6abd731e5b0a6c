"use client";

import { revokePartnerKeyAction } from "@/app/(portal)/api-keys/actions";
import { Badge } from "@/components/ui/badge";
import { KeyList, type KeyListRow } from "./key-list";

/** The partner's keys with the scopes each holds. */
export function PartnerKeyList({ keys }: { keys: (KeyListRow & { scopes: string[] })[] }) {
  return (
    <KeyList
      keys={keys}
      revokeConsequence="Systems using it are refused from now on."
      revoke={(keyId) => revokePartnerKeyAction({ keyId })}
      details={(key) => (
        <span className="mt-1 flex flex-wrap gap-1">
          {key.scopes.map((scope) => (
            <Badge key={scope} variant="neutral">
              {scope}
            </Badge>
          ))}
        </span>
      )}
    />
  );
}
