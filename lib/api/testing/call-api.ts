import type { ApiEndpoint } from "../endpoint";

type RouteHandler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;
type RouteModule = Partial<Record<ApiEndpoint["method"], RouteHandler>>;

// Every /api/v1 route file, loaded on demand (Vite's glob: this module runs under Vitest only).
const ROUTES = import.meta.glob<RouteModule>("/app/api/v1/**/route.ts");

export const BASE_URL = "http://portal.test";

/** The route file serving an OpenAPI path: "/pbxs/{id}" → "/app/api/v1/pbxs/[id]/route.ts". */
export const routeFileOf = (path: string) => `/app/api/v1${path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;

export interface ApiCall {
  params?: Record<string, string>;
  query?: Record<string, string | string[]>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (a multipart upload, a malformed body); set its Content-Type in `headers`. */
  rawBody?: BodyInit;
  headers?: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  response: Response;
  bytes: Buffer;
  text: string;
  /** The parsed body when the answer is JSON (a problem document included), else null. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- each test reads its own shape
}

/**
 * Calls an endpoint's exported route handler as Next would: a real Request with `key` as the Bearer
 * token, the path's parameters resolved the way the router passes them. No server, no mocks: the
 * handlers reach the process-wide db(), so a file calling this points DATABASE_URL at its own
 * database before importing anything (app/api/v1/*.test.ts run isolated: vitest.config.ts).
 */
export async function callApi(
  key: string | null,
  endpoint: Pick<ApiEndpoint, "method" | "path">,
  call: ApiCall = {},
): Promise<ApiAnswer> {
  const load = ROUTES[routeFileOf(endpoint.path)];
  if (!load) throw new Error(`No route file for ${endpoint.path}: expected ${routeFileOf(endpoint.path)}`);
  const handler = (await load())[endpoint.method];
  if (!handler) throw new Error(`${routeFileOf(endpoint.path)} exports no ${endpoint.method}`);
  const pathname = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = call.params?.[name];
    if (value === undefined) throw new Error(`No value for the path parameter ${name} of ${endpoint.path}`);
    return encodeURIComponent(value);
  });
  const url = new URL(`${BASE_URL}/api/v1${pathname}`);
  for (const [name, value] of Object.entries(call.query ?? {}))
    for (const one of [value].flat()) url.searchParams.append(name, one);
  const json = call.body !== undefined;
  const response = await handler(
    new Request(url, {
      method: endpoint.method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(json ? { "content-type": "application/json" } : {}),
        ...call.headers,
      },
      body: json ? JSON.stringify(call.body) : call.rawBody,
      ...(call.rawBody ? { duplex: "half" } : {}),
    } as RequestInit),
    { params: Promise.resolve(call.params ?? {}) },
  );
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString("utf8");
  const isJson = /json/.test(response.headers.get("content-type") ?? "");
  return { status: response.status, response, bytes, text, json: isJson && text ? JSON.parse(text) : null };
}
