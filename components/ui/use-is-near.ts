"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Whether the element behind the returned ref has come within `margin` of the viewport (once true,
 * it stays true): what waits for it (a chart's code, a table's rows) then starts.
 */
export function useIsNear<T extends Element>(margin = "0px") {
  const ref = useRef<T>(null);
  const [isNear, setIsNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || isNear) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setIsNear(true), {
      rootMargin: margin,
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [isNear, margin]);
  return { ref, isNear };
}
