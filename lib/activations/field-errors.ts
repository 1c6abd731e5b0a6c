import type { z } from "zod";

/**
 * The first message per top-level field of a schema's verdict: the form and the pre-check run this one
 * evaluation, so a field never shows two messages ("is required" and "use letters…") or two different ones.
 */
export function firstErrorPerField<T extends z.ZodType>(schema: T, values: unknown): Record<string, string> {
  const parsed = schema.safeParse(values);
  const errors: Record<string, string> = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "");
    errors[field] ??= issue.message;
  }
  return errors;
}
