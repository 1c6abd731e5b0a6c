"use client";

import { useEffect, useState } from "react";
import type { NumberPickPage } from "@/lib/numbers/picker";
import type { NumberPurpose } from "@/lib/numbers/picker-schemas";

/**
 * A page of a PBX's numbers from the server, searched by any part of their digits (GET
 * /api/pbxs/[id]/numbers): typing waits 200 ms, and an answer to an older search never replaces a newer one.
 */
export function useNumberSearch(pbxId: string, purpose: NumberPurpose, q: string, page: number, enabled = true) {
  const [result, setResult] = useState<NumberPickPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const params = new URLSearchParams({ purpose, page: String(page), ...(q.trim() ? { q: q.trim() } : {}) });
        const response = await fetch(`/api/pbxs/${pbxId}/numbers?${params}`, { signal: controller.signal });
        const body = (await response.json()) as { ok: true; data: NumberPickPage } | { ok: false; error: string };
        if (body.ok) {
          setResult(body.data);
          setError(null);
        } else setError(body.error);
      } catch (e) {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : "The search failed.");
      } finally {
        if (!controller.signal.aborted) setLoading(false);
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [pbxId, purpose, q, page, enabled]);
  return { result, error, loading };
}
