"use client";

import { useServerSearch } from "@/components/ui/use-server-search";
import type { NumberPickPage } from "@/lib/numbers/picker";
import type { NumberPurpose } from "@/lib/numbers/picker-schemas";

/** A page of a PBX's numbers from the server, searched by any part of their digits (GET /api/pbxs/[id]/numbers). */
export function useNumberSearch(pbxId: string, purpose: NumberPurpose, q: string, page: number, enabled = true) {
  const params = new URLSearchParams({ purpose, page: String(page), ...(q.trim() ? { q: q.trim() } : {}) });
  return useServerSearch<NumberPickPage>(`/api/pbxs/${pbxId}/numbers?${params}`, enabled);
}
