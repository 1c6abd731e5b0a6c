"use client";

import { useServerSearch } from "@/components/ui/use-server-search";
import type { NumberPickPage } from "@/lib/numbers/picker";
import type { NumberPurpose } from "@/lib/numbers/picker-schemas";

/** Where a page of a PBX's numbers is searched by any part of their digits (GET /api/pbxs/[id]/numbers). */
export function numberSearchUrl(pbxId: string, purpose: NumberPurpose, q: string, page: number) {
  const params = new URLSearchParams({ purpose, page: String(page), ...(q.trim() ? { q: q.trim() } : {}) });
  return `/api/pbxs/${pbxId}/numbers?${params}`;
}

/** A page of a PBX's numbers from the server, searched by any part of their digits. */
export function useNumberSearch(pbxId: string, purpose: NumberPurpose, q: string, page: number, enabled = true) {
  return useServerSearch<NumberPickPage>(numberSearchUrl(pbxId, purpose, q, page), enabled);
}
