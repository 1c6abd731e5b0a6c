"use client";

import { useEffect, useState } from "react";

/** True once `active` has held for `ms` without a break (a new `key`, such as other filters, starts the wait again). */
export function useLongerThan(ms: number, active: boolean, key: string) {
  const [late, setLate] = useState<string | null>(null);
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setLate(key), ms);
    return () => clearTimeout(timer);
  }, [ms, active, key]);
  // Late for this key only: the state of an earlier wait never leaks into a new one.
  return active && late === key;
}
