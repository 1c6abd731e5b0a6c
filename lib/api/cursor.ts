import { z } from "zod";

/** How many rows a page holds: `limit`, 1 to `max`, `fallback` unless asked. */
export function limitParam(max: number, fallback: number) {
  const message = `The limit must be a whole number from 1 to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(1, message).max(max, message).default(fallback);
}

/** The limit of a page of the API: 1 to 200, 50 unless asked (exports of records allow more: ./endpoints/records). */
export const ZLimit = limitParam(200, 50);

const CURSOR_MESSAGE = "This cursor was not given by this API: start again without it.";

/** A row's sort key as a cursor: opaque to clients (base64url of JSON), checked on the way back in. */
export const encodeCursor = (key: readonly unknown[]) => Buffer.from(JSON.stringify(key)).toString("base64url");

/**
 * A `cursor` query parameter decoding to `key`'s shape: anything else (tampered, truncated, from
 * another list) is refused beside the field, a 400, never a query that fails.
 */
export function cursorParam<K extends z.ZodType>(key: K) {
  return z
    .string()
    .max(512, CURSOR_MESSAGE)
    .transform((cursor, context) => {
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
      } catch {
        decoded = undefined;
      }
      const parsed = key.safeParse(decoded);
      if (parsed.success) return parsed.data as z.output<K>;
      context.addIssue({ code: "custom", message: CURSOR_MESSAGE });
      return z.NEVER;
    })
    .optional()
    .describe("Where the previous page ended: its `next`, as given.");
}

/** The query every cursor-paged list takes, with the sort key its cursor carries. */
export const pageQuery = <K extends z.ZodType>(key: K, limit = ZLimit) => z.object({ cursor: cursorParam(key), limit });

/** A page as every list answers it: `next` is null on the last page. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), next: z.string().nullable() });

/**
 * The page from rows fetched with `limit + 1` (the extra row only says there is more): the cursor is
 * the last row's key.
 */
export function pageFrom<T>(rows: T[], limit: number, keyOf: (row: T) => readonly unknown[]) {
  const data = rows.slice(0, limit);
  return { data, next: rows.length > limit ? encodeCursor(keyOf(data[data.length - 1]!)) : null };
}

/** A (createdAt, id) cursor, the order every API list of rows uses: oldest first, new rows at the end. */
export const ZCreatedCursor = z.tuple([z.iso.datetime(), z.string().min(1).max(40)]);

/** The Prisma condition for rows after a (createdAt, id) cursor. */
export function afterCreated(cursor: z.output<typeof ZCreatedCursor> | undefined) {
  if (!cursor) return {};
  const createdAt = new Date(cursor[0]);
  return { OR: [{ createdAt: { gt: createdAt } }, { createdAt, id: { gt: cursor[1] } }] };
}

export const createdKey = (row: { createdAt: Date; id: string }) => [row.createdAt.toISOString(), row.id] as const;
