import { isDeepStrictEqual } from "node:util";

type Json = unknown;
const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Whether a schema of the OpenAPI document (refs into `components`) says the same as zod's JSON
 * Schema of it (refs into its own `$defs`): walked side by side, each ref pair compared once, so the
 * names the document gave to hoisted schemas and cycles do not matter.
 */
export function sameSchema(
  documentSchema: Json,
  components: Record<string, Json>,
  zodSchema: Json,
  defs: Record<string, Json> = isObject(zodSchema) && isObject(zodSchema.$defs) ? zodSchema.$defs : {},
  compared = new Set<string>(),
): boolean {
  if (isObject(documentSchema) && isObject(zodSchema)) {
    const { $ref: left, ...leftRest } = documentSchema;
    const { $ref: right, ...rightWithDefs } = zodSchema;
    // The root's definitions are walked through its refs, not compared as members.
    const rightRest = Object.fromEntries(Object.entries(rightWithDefs).filter(([key]) => key !== "$defs"));
    if (typeof left === "string" || typeof right === "string") {
      if (typeof left !== "string" || typeof right !== "string") return false;
      const pair = `${left} ${right}`;
      if (compared.has(pair)) return true;
      compared.add(pair);
      const resolvedLeft = components[left.replace("#/components/schemas/", "")];
      const resolvedRight = defs[right.replace("#/$defs/", "")];
      if (!sameSchema(resolvedLeft, components, resolvedRight, defs, compared)) return false;
    }
    const keys = Object.keys(leftRest).sort();
    return (
      isDeepStrictEqual(keys, Object.keys(rightRest).sort()) &&
      keys.every((key) => sameSchema(leftRest[key], components, rightRest[key], defs, compared))
    );
  }
  if (Array.isArray(documentSchema) && Array.isArray(zodSchema))
    return (
      documentSchema.length === zodSchema.length &&
      documentSchema.every((item, index) => sameSchema(item, components, zodSchema[index], defs, compared))
    );
  return isDeepStrictEqual(documentSchema, zodSchema);
}
