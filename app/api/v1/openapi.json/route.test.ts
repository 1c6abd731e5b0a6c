import { readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { API_BASE, jsonSchemaOf, type OpenApiDocument } from "@/lib/api/openapi";
import { sameSchema } from "@/lib/api/openapi-testing";
import { GET } from "./route";

const V1 = path.join(process.cwd(), "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/** Every route.ts under app/api/v1 (but this document's own), as its OpenAPI path. */
function handlerFiles(directory = V1): { file: string; path: string }[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return full === path.join(V1, "openapi.json") ? [] : handlerFiles(full);
    if (entry.name !== "route.ts") return [];
    const segments = path
      .relative(V1, directory)
      .split(path.sep)
      .filter((segment) => segment && !/^\(.*\)$/.test(segment))
      .map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}"));
    return [{ file: full, path: [API_BASE, ...segments].join("/") }];
  });
}

const response = await GET();
const document = (await response.json()) as OpenApiDocument;
const operations = Object.entries(document.paths).flatMap(([route, methods]) =>
  Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`),
);

describe("GET /api/v1/openapi.json", () => {
  it("answers the document as JSON, without a key, the same bytes each time", async () => {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await (await GET()).text()).toBe(JSON.stringify(document));
  });

  it("is valid OpenAPI 3.1", async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it("agrees with the route handlers: each handler's methods are operations, and each operation has its handler", async () => {
    const handled: string[] = [];
    for (const { file, path: route } of handlerFiles()) {
      const exported = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS) if (typeof exported[method] === "function") handled.push(`${method} ${route}`);
    }
    expect(handled.length).toBeGreaterThan(0);
    expect(handled.sort()).toEqual([...operations].sort());
  });

  it("describes each body, path and query parameter with the JSON Schema of the zod object the handler parses", () => {
    const components = document.components.schemas as Record<string, unknown>;
    type Operation = {
      parameters?: { name: string; in: string; schema: unknown }[];
      requestBody?: { content: Record<string, { schema: unknown }> };
      responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
    };
    for (const endpoint of API_ENDPOINTS) {
      const operation = (document.paths as Record<string, Record<string, Operation>>)[API_BASE + endpoint.path][
        endpoint.method.toLowerCase()
      ];
      const label = `${endpoint.method} ${endpoint.path}`;
      if (endpoint.body) {
        const [body] = Object.values(operation.requestBody!.content);
        expect(sameSchema(body.schema, components, jsonSchemaOf(endpoint.body, "input")), label).toBe(true);
      } else expect(operation.requestBody, label).toBeUndefined();
      const content = operation.responses[String(endpoint.status ?? 200)].content!;
      if (endpoint.file) expect(Object.keys(content), label).toEqual(endpoint.file.mediaTypes);
      else
        expect(
          sameSchema(content["application/json"].schema, components, jsonSchemaOf(endpoint.response!, "output")),
          label,
        ).toBe(true);
      for (const [location, schema] of [
        ["path", endpoint.params],
        ["query", endpoint.query],
      ] as const) {
        const properties = (schema ? jsonSchemaOf(schema, "input").properties : {}) as Record<string, object>;
        const parameters = (operation.parameters ?? []).filter((parameter) => parameter.in === location);
        expect(
          parameters.map((parameter) => parameter.name),
          label,
        ).toEqual(Object.keys(properties));
        for (const parameter of parameters) {
          // A parameter's description sits beside its schema, not in it.
          const expected = Object.fromEntries(
            Object.entries(properties[parameter.name]).filter(([key]) => key !== "description"),
          );
          expect(sameSchema(parameter.schema, components, expected), `${label} ${parameter.name}`).toBe(true);
        }
      }
    }
  });
});
