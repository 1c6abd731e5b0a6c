import { unstable_rethrow } from "next/navigation";
import { AppError, RateLimitedError } from "@/lib/errors";

export type ActionFailure = {
  ok: false;
  error: string;
  code: AppError["code"] | "INTERNAL";
  fieldErrors?: Record<string, string[]>;
  /** RATE_LIMITED: how long to wait before asking again (also said in `error`, in words). */
  retryAfterSeconds?: number;
};
export type ActionResult<T = void> = { ok: true; data: T } | ActionFailure;

/**
 * The one mapping from a thrown error to what a caller is told: an AppError as it is, anything else
 * as a generic message (and logged). Next's own control flow (redirect, notFound, forbidden) is
 * re-thrown so it keeps working inside wrapped code.
 */
export function failureOf(error: unknown): ActionFailure {
  unstable_rethrow(error);
  if (error instanceof AppError) {
    return {
      ok: false,
      error: error.message,
      code: error.code,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
      ...(error instanceof RateLimitedError ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  console.error(error);
  return { ok: false, error: "Something went wrong on our side. Nothing was changed; try again.", code: "INTERNAL" };
}

export const HTTP_STATUS: Record<ActionFailure["code"], number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  INVALID: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** A result as a JSON response, for route handlers. */
export function jsonResult<T>(result: ActionResult<T>, okStatus = 200) {
  const retryAfter = !result.ok && result.retryAfterSeconds !== undefined ? result.retryAfterSeconds : null;
  return Response.json(result, {
    status: result.ok ? okStatus : HTTP_STATUS[result.code],
    headers: { "Cache-Control": "no-store", ...(retryAfter === null ? {} : { "Retry-After": String(retryAfter) }) },
  });
}
