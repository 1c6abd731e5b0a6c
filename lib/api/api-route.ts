import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { withApiKeyAudit } from "@/lib/audit/record";
import { clientAddress } from "@/lib/auth/client-address";
import { db as appDb, type Db } from "@/lib/db/client";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { AppError, parseOrThrow } from "@/lib/errors";
import { fileTooLarge, isMultipart, readMultipartBody } from "@/lib/http/uploaded-file";
import { authenticateApiKey, type AuthenticatedKey } from "./authenticate";
import { fileFieldsOf, type ApiEndpoint } from "./endpoint";
import { problemResponse } from "./problem";
import { API_RATE_LIMIT, ApiRateLimitedError, rateHeaders, takeRequest, type RateState } from "./rate-limit";
import { scopeAllows } from "./scopes";

/** The largest JSON body an endpoint reads: an upload's limit is its own (ApiEndpoint.upload). */
export const API_BODY_LIMIT = 1024 * 1024;

export interface ApiContext<P, Q, B, H = undefined> {
  actor: Actor;
  key: AuthenticatedKey;
  params: P;
  query: Q;
  body: B;
  headers: H;
  db: Db;
  now: Date;
  request: Request;
}

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Each named value once; a repeated one stays a list, which a single-valued schema refuses. */
function eachOnce<T>(names: Iterable<string>, all: (name: string) => T[]): Record<string, T | T[]> {
  const values: Record<string, T | T[]> = {};
  for (const name of new Set(names)) {
    const found = all(name);
    values[name] = found.length === 1 ? found[0]! : found;
  }
  return values;
}

const queryOf = (url: URL) => eachOnce(url.searchParams.keys(), (name) => url.searchParams.getAll(name));

/** The headers the endpoint describes, by the names it gives them (HTTP's are case-insensitive). */
const headersOf = (request: Request, schema: z.ZodObject) =>
  Object.fromEntries(Object.keys(schema.shape).map((name) => [name, request.headers.get(name) ?? undefined]));

/**
 * An upload's multipart body as its schema parses it: text fields as strings, files as File. The
 * body is refused (413) as soon as it passes room for a file of the limit, and so is any file past it.
 */
async function formBody(request: Request, endpoint: Pick<ApiEndpoint, "body" | "upload">) {
  if (!isMultipart(request))
    throw new AppError(
      "BAD_REQUEST",
      `Send the body as multipart/form-data, the file in the field "${fileFieldsOf(endpoint).join('", "')}".`,
    );
  const maxBytes = endpoint.upload?.maxBytes ?? readRuntimeEnv().UPLOAD_MAX_BYTES;
  const form = await readMultipartBody(request, maxBytes);
  if (!form) throw new AppError("BAD_REQUEST", "The multipart body is malformed or cut off.");
  const body = eachOnce(form.keys(), (name) => form.getAll(name));
  if ([...form.values()].some((value) => typeof value !== "string" && value.size > maxBytes))
    throw fileTooLarge(maxBytes);
  return body;
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
export function apiRoute<
  P extends z.ZodObject,
  Q extends z.ZodObject,
  B extends z.ZodType,
  R extends z.ZodType,
  H extends z.ZodObject = z.ZodObject,
>(
  endpoint: ApiEndpoint<P, Q, B, R, H>,
  handler: (context: ApiContext<Output<P>, Output<Q>, Output<B>, Output<H>>) => Promise<z.output<R> | Response>,
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
      const headers = endpoint.headers
        ? parseOrThrow(endpoint.headers, headersOf(request, endpoint.headers), "Check the headers.")
        : undefined;
      const body = endpoint.body
        ? parseOrThrow(
            endpoint.body,
            fileFieldsOf(endpoint).length ? await formBody(request, endpoint) : await jsonBody(request),
            "Check the body.",
          )
        : undefined;
      // Every audit entry of the request names the key beside its creator (lib/audit/record.ts).
      const result = await withApiKeyAudit({ apiKey: { id: key.id, name: key.name }, ip: address }, () =>
        handler({
          actor,
          key,
          params: parsedParams?.data as Output<P>,
          query: query as Output<Q>,
          body: body as Output<B>,
          headers: headers as Output<H>,
          db,
          now,
          request,
        }),
      );
      // A file (endpoint.file) passes through as the handler built it (`fileAnswer`): streamed, with the download headers.
      if (result instanceof Response) {
        for (const [name, value] of Object.entries(rateHeaders(rate))) result.headers.set(name, value);
        return result;
      }
      if (endpoint.file) throw new Error(`${endpoint.method} ${endpoint.path} answers a file: return fileAnswer(…).`);
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
