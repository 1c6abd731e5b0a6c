import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { withApiKeyAudit } from "@/lib/audit/record";
import { clientAddress } from "@/lib/auth/client-address";
import { db as appDb, type Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { authenticateApiKey, type AuthenticatedKey } from "./authenticate";
import type { ApiEndpoint } from "./endpoint";
import { problemResponse } from "./problem";
import { API_RATE_LIMIT, ApiRateLimitedError, rateHeaders, takeRequest, type RateState } from "./rate-limit";
import { scopeAllows } from "./scopes";

/** The largest JSON body an endpoint reads: uploads will have their own routes and limits. */
export const API_BODY_LIMIT = 1024 * 1024;

export interface ApiContext<P, Q, B> {
  actor: Actor;
  key: AuthenticatedKey;
  params: P;
  query: Q;
  body: B;
  db: Db;
  now: Date;
  request: Request;
}

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Each query parameter once; a repeated one stays a list, which a single-valued schema refuses. */
function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    query[name] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

async function jsonBody(request: Request): Promise<unknown> {
  const tooLarge = new AppError("TOO_LARGE", `The body is at most ${API_BODY_LIMIT} bytes.`);
  if (Number(request.headers.get("content-length") ?? 0) > API_BODY_LIMIT) throw tooLarge;
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(request.headers.get("content-type") ?? ""))
    throw new AppError("BAD_REQUEST", "Send the body as JSON (Content-Type: application/json).");
  const text = await request.text();
  if (Buffer.byteLength(text) > API_BODY_LIMIT) throw tooLarge;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
}

/**
 * The one way to write a /api/v1 route handler. A partner key in `Authorization: Bearer` is the
 * only credential (a session cookie counts for nothing, so there is no Origin to check); every
 * request of a known key counts against its rate limit and carries the limit's headers, refused or
 * not; the key's scopes must allow the endpoint; path parameters of the wrong shape are a 404, query
 * and body ones a 400 naming each field. Every error is a problem document (lib/api/problem.ts).
 */
export function apiRoute<P extends z.ZodObject, Q extends z.ZodObject, B extends z.ZodType, R extends z.ZodType>(
  endpoint: ApiEndpoint<P, Q, B, R>,
  handler: (context: ApiContext<Output<P>, Output<Q>, Output<B>>) => Promise<z.output<R> | Response>,
  options: { rateLimit?: number } = {},
) {
  return async (request: Request, { params }: { params: Promise<unknown> }): Promise<Response> => {
    const instance = new URL(request.url).pathname;
    let rate: RateState | null = null;
    try {
      const now = new Date();
      const db = appDb();
      const address = clientAddress(request.headers);
      const { actor, key } = await authenticateApiKey(db, request.headers.get("authorization"), address, now);
      rate = await takeRequest(db, key.id, now, options.rateLimit ?? API_RATE_LIMIT);
      if (!scopeAllows(key.scopes, endpoint.scope))
        throw new AppError("FORBIDDEN", `This key lacks the scope ${endpoint.scope}.`);
      // A route without dynamic segments gets no params at all from Next.
      const parsedParams = (endpoint.params ?? null)?.safeParse((await params) ?? {});
      if (parsedParams && !parsedParams.success) throw new AppError("NOT_FOUND", "This does not exist.");
      const query = endpoint.query
        ? parseOrThrow(endpoint.query, queryOf(new URL(request.url)), "Check the query parameters.")
        : undefined;
      const body = endpoint.body ? parseOrThrow(endpoint.body, await jsonBody(request), "Check the body.") : undefined;
      // Every audit entry of the request names the key beside its creator (lib/audit/record.ts).
      const result = await withApiKeyAudit({ apiKey: { id: key.id, name: key.name }, ip: address }, () =>
        handler({
          actor,
          key,
          params: parsedParams?.data as Output<P>,
          query: query as Output<Q>,
          body: body as Output<B>,
          db,
          now,
          request,
        }),
      );
      if (result instanceof Response) {
        for (const [name, value] of Object.entries(rateHeaders(rate))) result.headers.set(name, value);
        return result;
      }
      return new Response(JSON.stringify(result), {
        status: endpoint.status ?? 200,
        headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...rateHeaders(rate) },
      });
    } catch (error) {
      const state = error instanceof ApiRateLimitedError ? error.state : rate;
      const unauthenticated = error instanceof AppError && error.code === "UNAUTHENTICATED";
      return problemResponse(error, instance, {
        ...(state ? rateHeaders(state) : {}),
        ...(unauthenticated ? { "WWW-Authenticate": 'Bearer realm="api"' } : {}),
      });
    }
  };
}
