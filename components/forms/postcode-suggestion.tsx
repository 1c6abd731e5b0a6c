"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { isValidPostcode, POSTCODE_PLACE_COUNTRIES } from "@/lib/validation/postcode";
import type { PostcodeSuggestion } from "@/lib/validation/postcode-places";

/**
 * Asks the server which city (and US state) a postcode names, a moment after typing stops. Nothing
 * is asked for a country without data or a postcode not yet of that country's form.
 */
export function usePostcodeSuggestion(input: {
  countryCode?: string;
  postcode?: string;
  city?: string;
  region?: string;
}): PostcodeSuggestion {
  const [answer, setAnswer] = useState<{ key: string; suggestion: PostcodeSuggestion } | null>(null);
  const { countryCode = "", postcode = "", city = "", region = "" } = input;
  const askable = POSTCODE_PLACE_COUNTRIES.includes(countryCode) && isValidPostcode(countryCode, postcode);
  const key = JSON.stringify([countryCode, postcode, city, region]);
  useEffect(() => {
    if (!askable) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ country: countryCode, postcode, city, region });
      try {
        const response = await fetch(`/api/postcodes?${params}`, { signal: controller.signal });
        const body = (await response.json()) as { ok: boolean; data?: PostcodeSuggestion };
        if (body.ok && body.data) setAnswer({ key, suggestion: body.data });
      } catch {
        // A suggestion is a courtesy: without one the form works as before.
      }
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [askable, key, countryCode, postcode, city, region]);
  return askable && answer?.key === key ? answer.suggestion : {};
}

/** "10115 is in Berlin. [Use Berlin]": the postcode's city (or state) offered, never forced. */
export function PostcodeSuggestionNote({
  postcode,
  suggestion,
  onUseCity,
  onUseRegion,
}: {
  postcode: string;
  suggestion: PostcodeSuggestion;
  onUseCity: (city: string) => void;
  onUseRegion?: (region: string) => void;
}) {
  const { city, region } = suggestion;
  if (!city && !(region && onUseRegion)) return null;
  return (
    <p role="status" className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground sm:col-span-2">
      {city && (
        <>
          {postcode} is in {city}.
          <Button type="button" variant="secondary" size="sm" onClick={() => onUseCity(city)}>
            Use {city}
          </Button>
        </>
      )}
      {region && onUseRegion && (
        <>
          {postcode} is in the state {region}.
          <Button type="button" variant="secondary" size="sm" onClick={() => onUseRegion(region)}>
            Use {region}
          </Button>
        </>
      )}
    </p>
  );
}
