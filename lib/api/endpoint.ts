import type { z } from "zod";
import type { ApiScope } from "./scopes";

/**
 * One operation of the partner API (issue 34), described once: the route handler parses with these
 * schemas (lib/api/api-route.ts) and the OpenAPI document (lib/api/openapi.ts) is generated from the
 * same objects, so the two cannot disagree.
 */
export interface ApiEndpoint<
  P extends z.ZodObject = z.ZodObject,
  Q extends z.ZodObject = z.ZodObject,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  H extends z.ZodObject = z.ZodObject,
> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** OpenAPI style, under /api/v1: "/pbxs/{id}". */
  path: string;
  /** The OpenAPI tag: the area, e.g. "PBXs". */
  tag: string;
  summary: string;
  description?: string;
  scope: ApiScope;
  params?: P;
  query?: Q;
  /** Request headers by their names as sent ("Idempotency-Key"), parsed like the query. */
  headers?: H;
  /** A body with a file field (`z.file()`) is read as multipart/form-data, its other fields as text. */
  body?: B;
  /** What the body's file may be (its size limit, its types for the document); the portal's limit when absent. */
  upload?: ApiUpload;
  /** Refusals of this operation beyond every operation's (400, 401, 403, 404, 429), for the document. */
  problems?: Partial<Record<409 | 413 | 422, string>>;
  /** The 2xx answer's JSON body; absent exactly when the answer is a `file`. */
  response?: R;
  /** The answer is a file (a PDF, a workbook, a CSV), not JSON: the handler returns `fileAnswer(…)`. */
  file?: ApiFileAnswer;
  /** 200 unless said (201 for a creation). */
  status?: 200 | 201 | 202;
}

/** The file of an upload (decision 0067). */
export interface ApiUpload {
  /** The largest file in bytes, refused (413) while the body streams in; UPLOAD_MAX_BYTES when absent. */
  maxBytes?: number;
  /** The media types accepted, as the file's bytes show them (the storage's check, lib/storage). */
  mediaTypes: readonly string[];
}

/** A file answer (decision 0071): the media types it comes in and what it holds, for the document. */
export interface ApiFileAnswer {
  mediaTypes: readonly [string, ...string[]];
  description: string;
}

/** Keeps the endpoint's schema types (a plain object literal would widen them). */
export const defineEndpoint = <
  P extends z.ZodObject,
  Q extends z.ZodObject,
  B extends z.ZodType,
  R extends z.ZodType,
  H extends z.ZodObject = z.ZodObject,
>(
  endpoint: ApiEndpoint<P, Q, B, R, H>,
) => endpoint;

/** The body's fields that carry a file: an operation with any is sent as multipart/form-data. */
export function fileFieldsOf(endpoint: Pick<ApiEndpoint, "body">): string[] {
  const shape = (endpoint.body as Partial<z.ZodObject> | undefined)?.shape ?? {};
  const isFile = (schema: z.ZodType): boolean =>
    schema._zod.def.type === "file" ||
    (schema._zod.def.type === "optional" && isFile((schema as z.ZodOptional).unwrap() as z.ZodType));
  return Object.keys(shape).filter((name) => isFile(shape[name] as z.ZodType));
}
