import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { HTTP_STATUS } from "@/lib/http/action-result";
import { fileFieldsOf, type ApiEndpoint, type ApiFileAnswer } from "./endpoint";
import { API_ENDPOINTS } from "./endpoints";

/** Where every operation lives: the document's paths carry it, so a client's base URL is just the portal. */
export const API_BASE = "/api/v1";

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown>;

const PROBLEM_REF = { $ref: "#/components/schemas/Problem" };

// RFC 9457 problem details, as lib/api/problem.ts answers them.
const PROBLEM_SCHEMA: JsonSchema = {
  type: "object",
  description: "RFC 9457 problem details: the one shape of every error of this API.",
  properties: {
    type: { type: "string", description: "A link to this kind of problem in the API reference." },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string", description: "What went wrong, in words for a person." },
    instance: { type: "string", description: "The request's path." },
    code: { type: "string", enum: Object.keys(HTTP_STATUS).sort() },
    errors: {
      type: "object",
      description: "Every message of every refused field, keyed by the field's name.",
      additionalProperties: { type: "array", items: { type: "string" } },
    },
  },
  required: ["type", "title", "status", "detail", "code"],
};

const ERROR_RESPONSES: Record<string, string> = {
  "400": "The request is malformed or a value is refused (`errors` names the fields).",
  "401": "No API key, or a revoked, expired or unknown one.",
  "403": "The key lacks the scope this operation needs.",
  "404": "No such resource for this partner (another partner's resource is 404 as well).",
  "429": "Too many requests for this key: wait the `Retry-After` seconds.",
};

const RATE_LIMIT_HEADERS = {
  "RateLimit-Limit": { description: "Requests allowed per window for this key.", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Requests left in the current window.", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the window resets.", schema: { type: "integer" } },
};

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect). Requests are described as the
 * client sends them (`input`: before defaults and transforms), answers as the handler returns them.
 * Dates leave as ISO strings (JSON has no date), so they are strings here too.
 */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === "date") Object.assign(jsonSchema, { type: "string", format: "date-time" });
    },
  }) as JsonSchema;
  delete json.$schema;
  return json;
}

/**
 * Moves a schema's `$defs` (schemas named with `.meta({ id })`, and cycles) into the document's
 * components: inside an OpenAPI document `#/$defs/…` would resolve against the document's root.
 * zod numbers a cycle's unnamed schema per call (`__schema0`), so those get a name unique in the document.
 */
function hoistDefinitions(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  io: "input" | "output",
): JsonSchema {
  const { $defs = {}, ...rest } = schema as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const names = new Map<string, string>();
  let next = 0;
  for (const name of Object.keys($defs)) {
    if (!name.startsWith("__schema")) {
      // A named schema read as a request can differ from the answer's (a default makes a field optional).
      const asIs = JSON.parse(JSON.stringify($defs[name]).replaceAll('"#/$defs/', '"#/components/schemas/'));
      const clash = name in components && !isDeepStrictEqual(components[name], asIs);
      names.set(name, clash && io === "input" ? `${name}Input` : name);
    } else {
      while (`Recursive${next}` in components) next++;
      names.set(name, `Recursive${next++}`);
    }
  }
  const rewrite = <T>(value: T): T =>
    JSON.parse(
      JSON.stringify(value).replace(/"#\/\$defs\/([^"]+)"/g, (_, name: string) =>
        JSON.stringify(`#/components/schemas/${names.get(name) ?? name}`),
      ),
    );
  for (const [name, definition] of Object.entries($defs)) {
    const final = names.get(name)!;
    const hoisted = rewrite(definition);
    if (final in components && !isDeepStrictEqual(components[final], hoisted))
      throw new Error(`Two different schemas are named "${final}" in the API's endpoints: give them distinct ids.`);
    components[final] = hoisted;
  }
  return rewrite(rest);
}

const operationIdOf = (endpoint: ApiEndpoint) =>
  endpoint.method.toLowerCase() +
  endpoint.path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join("");

function parametersOf(
  location: "path" | "query" | "header",
  schema: z.ZodObject | undefined,
  components: Record<string, JsonSchema>,
) {
  if (!schema) return [];
  const json = hoistDefinitions(jsonSchemaOf(schema, "input"), components, "input") as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === "path" || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

// A body with a file in it (z.file()) is sent as a form, not as JSON; the upload says what the file may be.
function requestContentOf(endpoint: ApiEndpoint, schema: JsonSchema) {
  const files = fileFieldsOf(endpoint);
  if (!files.length) return { "application/json": { schema } };
  const types = endpoint.upload?.mediaTypes.join(", ");
  const encoding = types ? { encoding: Object.fromEntries(files.map((name) => [name, { contentType: types }])) } : {};
  return { "multipart/form-data": { schema, ...encoding } };
}

function uploadNoteOf(endpoint: ApiEndpoint) {
  if (!fileFieldsOf(endpoint).length) return undefined;
  const size = endpoint.upload?.maxBytes
    ? `at most ${endpoint.upload.maxBytes} bytes`
    : "at most the portal's upload limit (10 MB unless configured)";
  const types = endpoint.upload ? `, of type ${endpoint.upload.mediaTypes.join(", ")} by its content` : "";
  return `Send the body as \`multipart/form-data\`: the file ${size}${types}; a larger body is refused (413) before it is read whole.`;
}

/** Every refusal the operation can answer: those of every operation, an upload's 413, and its own. */
const errorResponsesOf = (endpoint: ApiEndpoint): Record<string, string> => ({
  ...ERROR_RESPONSES,
  ...(fileFieldsOf(endpoint).length ? { "413": "The file or the body is larger than the limit." } : {}),
  ...endpoint.problems,
});

/**
 * A file answer (decision 0071) in each of its media types, as bytes: OpenAPI 3.1's binary string,
 * which generated clients read as a Blob; the download's name comes in Content-Disposition.
 */
function fileAnswerOf(file: ApiFileAnswer) {
  return {
    headers: {
      ...RATE_LIMIT_HEADERS,
      "Content-Disposition": {
        description: "`attachment` with the file's name (RFC 6266: an ASCII `filename` and the UTF-8 `filename*`).",
        schema: { type: "string" },
      },
    },
    content: Object.fromEntries(
      file.mediaTypes.map((type) => [
        type,
        { schema: { type: "string", format: "binary", description: file.description } },
      ]),
    ),
  };
}

function operationOf(
  endpoint: ApiEndpoint,
  response: JsonSchema | undefined,
  components: Record<string, JsonSchema>,
): Operation {
  if (!endpoint.file === !response)
    throw new Error(`${endpoint.method} ${endpoint.path}: answer JSON (response) or a file (file), one of them.`);
  const segments = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
  const declared = Object.keys(endpoint.params?.shape ?? {}).sort();
  if (!isDeepStrictEqual(segments, declared))
    throw new Error(
      `${endpoint.method} ${endpoint.path}: its params (${declared}) are not its path's segments (${segments}).`,
    );
  const parameters = [
    ...parametersOf("path", endpoint.params, components),
    ...parametersOf("query", endpoint.query, components),
    ...parametersOf("header", endpoint.headers, components),
  ];
  const body = endpoint.body && hoistDefinitions(jsonSchemaOf(endpoint.body, "input"), components, "input");
  const status = String(endpoint.status ?? 200);
  return {
    operationId: operationIdOf(endpoint),
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: [
      endpoint.description,
      uploadNoteOf(endpoint),
      `Requires the scope \`${endpoint.scope}\` (or its area's write scope).`,
    ]
      .filter(Boolean)
      .join("\n\n"),
    "x-required-scope": endpoint.scope,
    // OpenAPI 3.1 lets a non-OAuth scheme list the roles an operation needs: our scopes.
    security: [{ bearerAuth: [endpoint.scope] }],
    ...(parameters.length ? { parameters } : {}),
    ...(body
      ? {
          requestBody: {
            required: true,
            content: requestContentOf(endpoint, body),
          },
        }
      : {}),
    responses: {
      [status]: {
        description: endpoint.status === 201 ? "Created." : endpoint.status === 202 ? "Accepted." : "OK.",
        ...(endpoint.file
          ? fileAnswerOf(endpoint.file)
          : { headers: RATE_LIMIT_HEADERS, content: { "application/json": { schema: response } } }),
      },
      ...Object.fromEntries(
        Object.entries(errorResponsesOf(endpoint)).map(([code, description]) => [
          code,
          {
            description,
            ...(code === "429"
              ? { headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } }
              : {}),
            content: { "application/problem+json": { schema: PROBLEM_REF } },
          },
        ]),
      ),
    },
  };
}

const byKey = <T>(entries: [string, T][]) =>
  Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * The OpenAPI 3.1 document of `endpoints`: the same zod objects the handlers parse with, so the
 * reference cannot drift from the code. Deterministic (paths, methods, tags and components sorted),
 * so the served document only changes when an endpoint does.
 */
export function buildOpenApiDocument(endpoints: readonly ApiEndpoint[]) {
  const components: Record<string, JsonSchema> = {};
  const paths: Record<string, Record<string, Operation>> = {};
  const sorted = [...endpoints].sort((a, b) =>
    a.path === b.path ? (a.method < b.method ? -1 : 1) : a.path < b.path ? -1 : 1,
  );
  // Answers first: a schema named in both keeps its name for the answer, the request's variant gets "Input".
  const responses = sorted.map(
    (endpoint) =>
      endpoint.response && hoistDefinitions(jsonSchemaOf(endpoint.response, "output"), components, "output"),
  );
  for (const [index, endpoint] of sorted.entries()) {
    const path = API_BASE + endpoint.path;
    const method = endpoint.method.toLowerCase();
    if (paths[path]?.[method]) throw new Error(`${endpoint.method} ${path} is described twice.`);
    (paths[path] ??= {})[method] = operationOf(endpoint, responses[index], components);
  }
  if ("Problem" in components)
    throw new Error("\"Problem\" is the error schema's name: give the endpoint's schema another id.");
  const tags = [...new Set(endpoints.map((endpoint) => endpoint.tag))].sort().map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info: {
      title: "CLASSOUND partner API",
      version: "1",
      description:
        "The partner portal's work, from a partner's own systems. Authenticate with a partner API key " +
        "(`Authorization: Bearer …`, created on the portal's API keys page); each operation names the scope it needs. " +
        "Errors are RFC 9457 problem details; lists are cursor-paged; each key has its own rate limit.",
    },
    tags,
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A partner API key." },
      },
      schemas: byKey(Object.entries({ ...components, Problem: PROBLEM_SCHEMA })),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

/** The document of the partner API as built. */
export const openApiDocument = () => buildOpenApiDocument(API_ENDPOINTS);
