import { AppError } from "@/lib/errors";

export type ActionResult<T = void> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: AppError["code"] | "INTERNAL"; fieldErrors?: Record<string, string[]> };

/**
 * Runs the body of a server action or route handler and turns failures into a result the form can
 * show: an AppError's message as it is, anything else as a generic message (and logged).
 */
export async function toActionResult<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
    // Next.js signals redirect()/notFound()/forbidden() by throwing; they must propagate.
    if (error && typeof error === "object" && "digest" in error) throw error;
    console.error(error);
    return { ok: false, error: "Something went wrong on our side. Nothing was changed; try again.", code: "INTERNAL" };
  }
}

const HTTP_STATUS = { NOT_FOUND: 404, FORBIDDEN: 403, INVALID: 422, CONFLICT: 409, INTERNAL: 500 } as const;

/** The same result as a JSON response, for route handlers. */
export function jsonResult<T>(result: ActionResult<T>, okStatus = 200) {
  return Response.json(result, { status: result.ok ? okStatus : HTTP_STATUS[result.code] });
}
