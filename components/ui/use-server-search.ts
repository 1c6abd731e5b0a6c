"use client";

import { useEffect, useState } from "react";

/**
 * What a picker's search route answers for `url` (one of the portal's `{ ok, data | error }` bodies):
 * typing waits 200 ms, and an answer to an older search never replaces a newer one. Nothing is asked
 * while `enabled` is false (a closed combobox).
 */
export function useServerSearch<T>(url: string, enabled = true) {
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const response = await fetch(url, { signal: controller.signal });
        const body = (await response.json()) as { ok: true; data: T } | { ok: false; error: string };
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
  }, [url, enabled]);
  return { result, error, loading };
}
