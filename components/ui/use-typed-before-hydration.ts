"use client";

import { useEffect, useEffectEvent, type RefObject } from "react";

/**
 * Text typed into a controlled input before React hydrated it stays on screen, but React 19 neither
 * overwrites it nor replays the typing as a change, so the component's state still holds the
 * server-rendered text and what it does next (search, validate, submit) ignores the digits the user
 * sees. Once mounted, hands `adopt` the typed text when it differs from what was rendered: a user on a
 * slow phone who typed early loses nothing.
 */
export function useTypedBeforeHydration(
  ref: RefObject<HTMLInputElement | null>,
  rendered: string,
  adopt: (typed: string) => void,
) {
  const adoptOnce = useEffectEvent(() => {
    const typed = ref.current?.value;
    if (typed !== undefined && typed !== rendered) adopt(typed);
  });
  useEffect(() => adoptOnce(), []);
}
