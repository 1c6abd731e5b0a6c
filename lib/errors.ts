import type { z } from "zod";

export type AppErrorCode =
  "NOT_FOUND" | "FORBIDDEN" | "INVALID" | "CONFLICT" | "UNAUTHENTICATED" | "TOO_LARGE" | "BAD_REQUEST" | "RATE_LIMITED";

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

/** Too much expensive work asked for at once: the message says the wait in words; routes answer 429 with `Retry-After`. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("RATE_LIMITED", message);
    this.name = "RateLimitedError";
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

// Control characters other than tab, line feed and carriage return: nobody types them, and
// PostgreSQL refuses a NUL in text outright (a 500 after the form was accepted).
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_CHARACTER_MESSAGE = "Remove the control characters (such as NUL) from this field.";
// Deeper than any input of ours: the schema refuses such a shape anyway, and the walk stays bounded.
const MAX_DEPTH = 16;

/** A field error for every string in `input` (an action's argument, however nested) holding a control character. */
export function controlCharacterIssues(
  input: unknown,
  path: PropertyKey[] = [],
): { path: PropertyKey[]; message: string }[] {
  if (typeof input === "string")
    return CONTROL_CHARACTER.test(input) ? [{ path, message: CONTROL_CHARACTER_MESSAGE }] : [];
  if (path.length >= MAX_DEPTH || input === null || typeof input !== "object") return [];
  if (Array.isArray(input)) return input.flatMap((value, index) => controlCharacterIssues(value, [...path, index]));
  if (Object.getPrototypeOf(input) !== Object.prototype) return [];
  return Object.entries(input).flatMap(([key, value]) => controlCharacterIssues(value, [...path, key]));
}

/**
 * The parsed value, or an INVALID AppError carrying every field's messages. A string with a control
 * character is refused first, beside its field, whatever the schema says of it.
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  message = "Check the highlighted fields.",
): z.output<S> {
  const control = controlCharacterIssues(input);
  if (control.length) throw new AppError("INVALID", message, fieldErrorsOf(control));
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", message, fieldErrorsOf(parsed.error.issues));
  return parsed.data;
}
