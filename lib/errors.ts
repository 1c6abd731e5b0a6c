import type { z } from "zod";

export type AppErrorCode =
  "NOT_FOUND" | "FORBIDDEN" | "INVALID" | "CONFLICT" | "UNAUTHENTICATED" | "TOO_LARGE" | "BAD_REQUEST";

/** A failure a user can be told about; anything else is a bug and is reported generically. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Every message of every field, keyed by the field's top-level name, so a form can show each beside its field. */
export function fieldErrorsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return errors;
}

/** The parsed value, or an INVALID AppError carrying every field's messages. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  message = "Check the highlighted fields.",
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", message, fieldErrorsOf(parsed.error.issues));
  return parsed.data;
}
