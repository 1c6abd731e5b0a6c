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
  body?: B;
  /** The 2xx answer's body. */
  response: R;
  /** 200 unless said (201 for a creation). */
  status?: 200 | 201 | 202;
}

/** Keeps the endpoint's schema types (a plain object literal would widen them). */
export const defineEndpoint = <P extends z.ZodObject, Q extends z.ZodObject, B extends z.ZodType, R extends z.ZodType>(
  endpoint: ApiEndpoint<P, Q, B, R>,
) => endpoint;
