import { failureOf, HTTP_STATUS, type ActionFailure } from "@/lib/http/action-result";

/** RFC 9457 problem details: the one shape of every /api/v1 error. */
export interface Problem {
  /** A link to the docs' entry for this kind of problem (relative to the portal). */
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request's path. */
  instance?: string;
  /** The AppError code, for clients that switch on a word rather than on `type`. */
  code: ActionFailure["code"];
  /** INVALID: every message of every field, keyed by the field's name (`body.serial` style is not used: one name space). */
  errors?: Record<string, string[]>;
}

const TITLES: Record<ActionFailure["code"], string> = {
  BAD_REQUEST: "Bad request",
  UNAUTHENTICATED: "Unauthenticated",
  FORBIDDEN: "Forbidden",
  NOT_FOUND: "Not found",
  CONFLICT: "Conflict",
  TOO_LARGE: "Request too large",
  INVALID: "Invalid request",
  RATE_LIMITED: "Too many requests",
  INTERNAL: "Internal error",
};

// An API client sends every field itself: a value the schema or the domain refuses is the request's
// fault like malformed JSON is, so both are 400 (the portal's own routes keep 422 for forms).
const API_STATUS: Record<ActionFailure["code"], number> = { ...HTTP_STATUS, INVALID: 400 };

export const problemType = (code: ActionFailure["code"]) =>
  `/api/docs#problem-${code.toLowerCase().replaceAll("_", "-")}`;

/**
 * A thrown error as problem details: an AppError as it is, anything else as a bare 500 (logged by
 * `failureOf`, never a message or stack in the answer).
 */
export function problemOf(error: unknown, instance?: string): Problem & { retryAfterSeconds?: number } {
  const failure = failureOf(error);
  return {
    type: problemType(failure.code),
    title: TITLES[failure.code],
    status: API_STATUS[failure.code],
    detail: failure.error,
    ...(instance ? { instance } : {}),
    code: failure.code,
    ...(failure.fieldErrors ? { errors: failure.fieldErrors } : {}),
    ...(failure.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: failure.retryAfterSeconds }),
  };
}

/**
 * The problem as a response; a RATE_LIMITED one says when to come back. `status` replaces its code's
 * where a standard asks for another (422 for an idempotency key reused with another body).
 */
export function problemResponse(
  error: unknown,
  instance?: string,
  headers: Record<string, string> = {},
  status?: number,
): Response {
  const { retryAfterSeconds: retryAfter, ...found } = problemOf(error, instance);
  const problem = status ? { ...found, status } : found;
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: {
      "Content-Type": "application/problem+json",
      "Cache-Control": "no-store",
      ...(retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) }),
      ...headers,
    },
  });
}
