import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineEndpoint, type ApiEndpoint } from "./endpoint";
import { buildOpenApiDocument, jsonSchemaOf } from "./openapi";
import { sameSchema } from "./openapi-testing";

// Endpoints of our own: the builder is tested on every shape it must handle, whatever the registry holds.
const ZPbx = z.object({ id: z.string(), name: z.string(), createdAt: z.date() }).meta({ id: "TestPbx" });
const ZNode: z.ZodType<{ name: string; children: { name: string }[] }> = z.lazy(() =>
  z.object({ name: z.string(), children: z.array(ZNode) }),
);

const listPbxs = defineEndpoint({
  method: "GET",
  path: "/pbxs",
  tag: "PBXs",
  summary: "List PBXs",
  scope: "pbxs:read",
  query: z.object({
    limit: z.coerce.number().int().min(1).max(100).default(50).describe("Rows per page."),
    q: z.string().max(100).optional(),
  }),
  response: z.object({ data: z.array(ZPbx), next: z.string().nullable() }),
});
const ZRegisterBody = z.object({ name: z.string().trim().min(1).max(100), tree: ZNode.optional() });
const registerPbx = defineEndpoint({
  method: "POST",
  path: "/pbxs",
  tag: "PBXs",
  summary: "Register a PBX",
  scope: "pbxs:write",
  body: ZRegisterBody,
  response: ZPbx,
  status: 201,
});
const readPbx = defineEndpoint({
  method: "GET",
  path: "/pbxs/{id}",
  tag: "PBXs",
  summary: "Read a PBX",
  description: "One PBX of the partner's.",
  scope: "pbxs:read",
  params: z.object({ id: z.string().max(40) }),
  response: ZPbx,
});
const uploadDocument = defineEndpoint({
  method: "POST",
  path: "/activations/{id}/documents",
  tag: "Activations",
  summary: "Upload a document",
  scope: "activations:write",
  params: z.object({ id: z.string() }),
  body: z.object({ kind: z.string(), file: z.file() }),
  response: z.object({ id: z.string() }),
  status: 201,
});
const ENDPOINTS = [readPbx, uploadDocument, registerPbx, listPbxs] as ApiEndpoint[];

const document = buildOpenApiDocument(ENDPOINTS);
type Op = {
  parameters?: { name: string; in: string; required: boolean; schema: object; description?: string }[];
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { content: Record<string, { schema: object }> }>;
  security: object[];
  description: string;
  "x-required-scope": string;
};
const operation = (path: string, method: string) =>
  (document.paths as Record<string, Record<string, Op>>)[path][method];

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("is deterministic: the endpoints' order does not change a byte", () => {
    expect(JSON.stringify(buildOpenApiDocument([...ENDPOINTS].reverse()))).toBe(JSON.stringify(document));
    expect(Object.keys(document.paths)).toEqual([
      "/api/v1/activations/{id}/documents",
      "/api/v1/pbxs",
      "/api/v1/pbxs/{id}",
    ]);
    expect(Object.keys(document.paths["/api/v1/pbxs"])).toEqual(["get", "post"]);
    expect(document.tags).toEqual([{ name: "Activations" }, { name: "PBXs" }]);
  });

  it("takes path and query parameters from the params and query objects, as the client sends them", () => {
    expect(operation("/api/v1/pbxs/{id}", "get").parameters).toEqual([
      { name: "id", in: "path", required: true, schema: { type: "string", maxLength: 40 } },
    ]);
    expect(operation("/api/v1/pbxs", "get").parameters).toEqual([
      {
        name: "limit",
        in: "query",
        required: false,
        description: "Rows per page.",
        schema: { type: "integer", minimum: 1, maximum: 100, default: 50 },
      },
      { name: "q", in: "query", required: false, schema: { type: "string", maxLength: 100 } },
    ]);
  });

  it("describes each body with the same JSON Schema as the zod object the handler parses with", () => {
    const body = operation("/api/v1/pbxs", "post").requestBody!.content["application/json"].schema;
    const components = document.components.schemas as Record<string, unknown>;
    expect(sameSchema(body, components, jsonSchemaOf(ZRegisterBody, "input"))).toBe(true);
    expect(sameSchema(body, components, jsonSchemaOf(ZRegisterBody.extend({ name: z.string() }), "input"))).toBe(false);
    const tree = z.object({ name: z.string(), children: z.array(z.object({ name: z.number() })) });
    expect(sameSchema(body, components, jsonSchemaOf(ZRegisterBody.extend({ tree: tree.optional() }), "input"))).toBe(
      false,
    );
    expect(body).toMatchObject({ required: ["name"], properties: { name: { type: "string", maxLength: 100 } } });
  });

  it("sends a body with a file as multipart/form-data", () => {
    const content = operation("/api/v1/activations/{id}/documents", "post").requestBody!.content;
    expect(Object.keys(content)).toEqual(["multipart/form-data"]);
  });

  it("describes an upload's file types, limit and 413, a header parameter and an operation's own refusals", async () => {
    const upload = defineEndpoint({
      ...uploadDocument,
      path: "/activations/{id}/scans",
      upload: { maxBytes: 2048, mediaTypes: ["application/pdf", "image/png"] },
      headers: z.object({ "Idempotency-Key": z.string().min(8).describe("One per request.") }),
      problems: { 422: "The key was used with another body." },
    });
    const built = buildOpenApiDocument([upload] as ApiEndpoint[]);
    expect((await new Validator().validate(structuredClone(built))).valid).toBe(true);
    const op = (built.paths as Record<string, Record<string, Op>>)["/api/v1/activations/{id}/scans"].post;
    expect(op.requestBody!.content["multipart/form-data"]).toEqual({
      schema: jsonSchemaOf(upload.body!, "input"),
      encoding: { file: { contentType: "application/pdf, image/png" } },
    });
    expect(op.requestBody!.content["multipart/form-data"].schema).toMatchObject({
      properties: { file: { type: "string", format: "binary" } },
      required: ["kind", "file"],
    });
    expect(op.parameters).toContainEqual({
      name: "Idempotency-Key",
      in: "header",
      required: true,
      description: "One per request.",
      schema: { type: "string", minLength: 8 },
    });
    expect(Object.keys(op.responses)).toEqual(["201", "400", "401", "403", "404", "413", "422", "429"]);
    expect(op.description).toContain("at most 2048 bytes, of type application/pdf, image/png by its content");
    expect(operation("/api/v1/pbxs", "post").responses["413"]).toBeUndefined();
  });

  it("describes a file answer by its media types as bytes, named in Content-Disposition, and refuses an answer of both kinds", async () => {
    const pdf = defineEndpoint({
      method: "GET",
      path: "/pbxs/{id}/sheet",
      tag: "PBXs",
      summary: "A PBX's data sheet",
      scope: "pbxs:read",
      params: z.object({ id: z.string() }),
      file: { mediaTypes: ["application/pdf", "text/csv"], description: "The sheet." },
    });
    const built = buildOpenApiDocument([...ENDPOINTS, pdf] as ApiEndpoint[]);
    expect((await new Validator().validate(structuredClone(built))).valid).toBe(true);
    const answer = (built.paths as Record<string, Record<string, Op>>)["/api/v1/pbxs/{id}/sheet"].get.responses["200"];
    expect(answer.content).toEqual({
      "application/pdf": { schema: { type: "string", format: "binary", description: "The sheet." } },
      "text/csv": { schema: { type: "string", format: "binary", description: "The sheet." } },
    });
    expect(Object.keys((answer as unknown as { headers: object }).headers)).toContain("Content-Disposition");
    expect(() => buildOpenApiDocument([{ ...pdf, response: z.object({}) }] as ApiEndpoint[])).toThrow(/one of them/);
    expect(() => buildOpenApiDocument([{ ...pdf, file: undefined }] as ApiEndpoint[])).toThrow(/one of them/);
  });

  it("moves named and recursive schemas into components, with dates as date-time strings", () => {
    const schemas = document.components.schemas as Record<string, { properties?: Record<string, unknown> }>;
    expect(schemas.TestPbx.properties?.createdAt).toEqual({ type: "string", format: "date-time" });
    expect(operation("/api/v1/pbxs/{id}", "get").responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/TestPbx",
    });
    expect(JSON.stringify(document)).not.toContain("#/$defs/");
    expect(operation("/api/v1/pbxs", "post").responses["201"]).toBeDefined();
  });

  it("answers every operation's errors as problem+json with one shared Problem schema", () => {
    for (const [path, method] of [
      ["/api/v1/pbxs", "get"],
      ["/api/v1/pbxs/{id}", "get"],
    ]) {
      const responses = operation(path, method).responses;
      for (const status of ["400", "401", "403", "404", "429"])
        expect(responses[status].content["application/problem+json"].schema).toEqual({
          $ref: "#/components/schemas/Problem",
        });
    }
    expect(document.components.schemas.Problem).toMatchObject({
      required: ["type", "title", "status", "detail", "code"],
    });
  });

  it("names the bearer scheme and each operation's scope", () => {
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    const write = operation("/api/v1/pbxs", "post");
    expect(write["x-required-scope"]).toBe("pbxs:write");
    expect(write.security).toEqual([{ bearerAuth: ["pbxs:write"] }]);
    expect(write.description).toContain("`pbxs:write`");
    expect(operation("/api/v1/pbxs/{id}", "get").description).toMatch(/^One PBX of the partner's\.\n\n.*`pbxs:read`/);
  });

  it("names a request's variant of a named schema apart, and each unnamed cycle apart", async () => {
    const ZSettings = z.object({ mode: z.enum(["a", "b"]).default("a") }).meta({ id: "TestSettings" });
    const ZTree: z.ZodType = z.lazy(() => z.object({ label: z.string(), below: z.array(ZTree) }));
    const settings = defineEndpoint({
      method: "PUT",
      path: "/settings",
      tag: "Settings",
      summary: "Replace the settings",
      scope: "customers:write",
      body: z.object({ settings: ZSettings, tree: ZTree }),
      response: ZSettings,
    });
    const built = buildOpenApiDocument([...ENDPOINTS, settings] as ApiEndpoint[]);
    const schemas = built.components.schemas as Record<string, { required?: string[] }>;
    expect(schemas.TestSettings.required).toEqual(["mode"]);
    expect(schemas.TestSettingsInput.required).toBeUndefined();
    expect(Object.keys(schemas).filter((name) => name.startsWith("Recursive"))).toEqual(["Recursive0", "Recursive1"]);
    expect((await new Validator().validate(structuredClone(built))).valid).toBe(true);
  });

  it("refuses an endpoint whose params are not its path's segments, or one described twice", () => {
    const wrong = { ...readPbx, params: z.object({ pbxId: z.string() }) } as ApiEndpoint;
    expect(() => buildOpenApiDocument([wrong])).toThrow(/not its path's segments/);
    expect(() => buildOpenApiDocument([readPbx, readPbx] as ApiEndpoint[])).toThrow(/described twice/);
  });
});
