import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/policy";
import { actorWith } from "@/lib/auth/request-actor";
import { db, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { failureOf, jsonResult } from "./action-result";
import { assertSameOrigin } from "./origin";

interface RouteContext<P> {
  request: Request;
  params: P;
  actor: Actor;
  db: Db;
}

/**
 * The one way to write a route handler: a state-changing method must come from the portal's own
 * origin; path parameters of the wrong shape are a 404 (never a query that fails with a 500); the
 * actor must hold the permission. A handler returns data (sent as `{ ok: true, data }`) or a
 * Response of its own (a file download).
 */
export function route<S extends z.ZodType, T>(
  spec: { permission: Permission; params: S; okStatus?: number },
  handler: (context: RouteContext<z.output<S>>) => Promise<T | Response>,
) {
  return async (request: Request, { params }: { params: Promise<unknown> }): Promise<Response> => {
    try {
      if (!["GET", "HEAD"].includes(request.method)) assertSameOrigin(request);
      const actor = await actorWith(spec.permission);
      // A route without dynamic segments gets no params at all from Next.
      const parsed = spec.params.safeParse((await params) ?? {});
      if (!parsed.success) throw new AppError("NOT_FOUND", "This does not exist.");
      const result = await handler({ request, params: parsed.data, actor, db: db() });
      return result instanceof Response ? result : jsonResult({ ok: true, data: result }, spec.okStatus);
    } catch (error) {
      return jsonResult(failureOf(error));
    }
  };
}
