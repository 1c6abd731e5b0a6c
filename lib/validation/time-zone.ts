import { z } from "zod";

let supported: Set<string> | undefined;

/**
 * The IANA zone a typed name stands for, as this runtime's ICU names it, or null for a name it does
 * not know. An alias ("Europe/Kyiv" where ICU still says "Europe/Kiev") resolves to its canonical
 * name, so a browser and a server with different ICU versions agree on what a choice means.
 */
export function canonicalTimeZone(name: string): string | null {
  supported ??= new Set(Intl.supportedValuesOf("timeZone"));
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  // Intl also takes offsets ("+01:00") and Etc/ zones, which are not an office's zone; UTC is
  // left out of supportedValuesOf but is the zone some companies keep.
  return supported.has(resolved) || resolved === "UTC" ? resolved : null;
}

/** The IANA zones to offer in a form, by name: this runtime's list, which the check above accepts. */
export function timeZoneChoices(): string[] {
  return [...Intl.supportedValuesOf("timeZone"), "UTC"].sort();
}

export const TIME_ZONE_MESSAGE = "Choose a time zone from the list, e.g. Europe/Berlin";

function toTimeZone(name: string, ctx: z.RefinementCtx<string | null | undefined>) {
  const zone = canonicalTimeZone(name);
  if (zone) return zone;
  ctx.issues.push({ code: "custom", message: TIME_ZONE_MESSAGE, input: name });
  return z.NEVER;
}

/** An IANA time zone, stored by its canonical name. */
export const ZTimeZone = z.string().trim().max(64, TIME_ZONE_MESSAGE).transform(toTimeZone);

/** The same, where empty means "none" (another row's zone applies): null. */
export const ZOptionalTimeZone = z
  .string()
  .trim()
  .max(64, TIME_ZONE_MESSAGE)
  .nullish()
  .transform((name, ctx) => (name ? toTimeZone(name, ctx) : null));
