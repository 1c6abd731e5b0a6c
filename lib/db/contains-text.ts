/**
 * A case-insensitive "contains" filter for text a user typed. Prisma passes `contains` to LIKE as it
 * is, so `%` and `_` would match anything: they (and the escape character) are escaped to mean themselves.
 */
export function containsText(value: string) {
  return { contains: value.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const };
}
