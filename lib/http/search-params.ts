import { notFound } from "next/navigation";
import { z } from "zod";

/** What Next.js hands a page: a repeated key (`?a=1&a=2` or `?a[]=1`) arrives as an array. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

// A query string is typed by whoever sends the link: it must never reach a query unchecked (a NUL
// byte makes PostgreSQL fail, an array makes Prisma fail, 1e300 overflows a row offset).
const PRINTABLE = /^[^\u0000-\u001f\u007f]*$/;

/** Free text of at most `max` characters without control characters; anything else is ignored. */
export const searchText = (max = 200) => z.string().trim().max(max).regex(PRINTABLE).min(1).optional().catch(undefined);

/** One of a fixed set of values; anything else is ignored. */
export const searchEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

/** A page number from 1 to a bound no real listing reaches; anything else is page 1. */
export const searchPage = z.coerce.number().int().min(1).max(100_000).catch(1);

/**
 * The page's query string through its schema. Every field of the schema should fall back with
 * `.catch` (the helpers above do), so a hand-edited URL shows the default view; a schema that
 * still refuses the input gives the 404 page, never an error page.
 */
export function parseSearchParams<S extends z.ZodObject>(schema: S, raw: RawSearchParams): z.output<S> {
  const single = Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const parsed = schema.safeParse(single);
  if (!parsed.success) notFound();
  return parsed.data;
}

/** A dynamic route's parameters (`[id]`): a value of the wrong shape cannot name anything, so 404. */
export function parseRouteParams<S extends z.ZodObject>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) notFound();
  return parsed.data;
}
