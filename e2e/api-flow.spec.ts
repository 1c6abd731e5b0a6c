import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import createClient from "openapi-fetch";
import { makeNumberRange, SAMPLE_LEGAL_ENTITY, uniqueGermanPrefix } from "@/lib/testing/fixtures";
import { API_SCOPES } from "@/lib/api/scopes";
import { makePartnerApiKey } from "@/lib/testing/api-keys";
import { sampleFiles } from "@/lib/testing/sample-files";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "@/lib/webhooks/signature";
import { clientTypesOf } from "./api-client/generate";
import type { paths } from "./api-client/schema";
import { expect, test } from "./fixtures";

// Issue 34's whole flow as a partner's own system runs it: a client typed from the served OpenAPI
// document registers a PBX and activates CLASSOUND on it, an admin approves in the browser, and the
// partner's webhook receiver (a real HTTP server) verifies the signed "decided" event and orders ten
// numbers with one idempotency key sent twice.

const bodyOf = (request: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });

test("the committed client types are what the served OpenAPI document generates", async ({ request }) => {
  const served = await (await request.get("/api/v1/openapi.json")).json();
  expect(await clientTypesOf(served), "run `npm run api:client`").toBe(
    readFileSync("e2e/api-client/schema.d.ts", "utf8"),
  );
});

// Every operation the served document lists, through the real server with a key holding every scope:
// ids of the wrong shape, hostile query values, bodies that are not what the operation reads. Each
// is a problem document, never a 5xx (app/api/v1/matrix.test.ts does the same in process, per case).
test("the partner API answers malformed calls with a 4xx problem, never a 5xx", async ({ request, db, tenant }) => {
  const key = await makePartnerApiKey(db, tenant.partner, API_SCOPES);
  const document = await (await request.get("/api/v1/openapi.json")).json();
  const failures: string[] = [];
  const LONG = "x".repeat(5_000);
  for (const [template, operations] of Object.entries<Record<string, { parameters?: { name: string; in: string }[] }>>(
    document.paths,
  ))
    for (const [method, operation] of Object.entries(operations)) {
      const queryNames = (operation.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
      const ids = template.includes("{") ? ["%00", "'%20OR%201=1", "c" + "z".repeat(24), LONG] : [""];
      for (const id of ids) {
        const path = template.replace(/\{\w+\}/g, id);
        // Every parameter badly encoded and repeated, and the first one very long (all of them would
        // pass the 16 KB that Node's parser takes before the portal sees the request).
        const hostileQuery = queryNames
          .map((name, index) => `${name}=%E0%A4%A&${name}=${index ? "%00" : LONG}`)
          .join("&");
        const url = hostileQuery ? `${path}?${hostileQuery}` : path;
        for (const body of method === "get" ? [undefined] : ["{not json", "[]", '{"a":"\u0000"}']) {
          const answer = await request.fetch(url, {
            method,
            headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
            data: body,
          });
          const problem = answer.headers()["content-type"] === "application/problem+json";
          if (answer.status() >= 500 || (answer.status() >= 400 && !problem))
            failures.push(`${method.toUpperCase()} ${url.slice(0, 80)} ${body ?? ""} → ${answer.status()}`);
        }
      }
    }
  expect(failures).toEqual([]);
});

test("a partner's system activates a PBX through the API and orders numbers when the approval's webhook arrives", async ({
  db,
  tenant,
  signInAs,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const area = `API ${Math.random().toString(36).slice(2, 8)}`;
  await makeNumberRange(db, {
    countryCode: "DE",
    type: "GEOGRAPHIC",
    areaName: area,
    first: `${uniqueGermanPrefix()}00`,
    size: 100,
  });
  const key = await makePartnerApiKey(db, tenant.partner, [
    "pbxs:write",
    "activations:write",
    "numbers:write",
    "webhooks:write",
  ]);
  const api = createClient<paths>({ baseUrl: baseURL, headers: { Authorization: `Bearer ${key}` } });

  // ── The partner's webhook receiver ───────────────────────────────────────
  let secret = "";
  const orders: { status: number; orderId?: string; replayed: string | null }[] = [];
  const refused: string[] = [];
  let decided: { id: string; type: string; data: { id?: string; status?: string } } | undefined;
  const receiver = createServer(async (request, response) => {
    const body = await bodyOf(request);
    if (!verifyWebhookSignature(secret, request.headers[SIGNATURE_HEADER.toLowerCase()] as string, body)) {
      refused.push(body);
      response.writeHead(400).end();
      return;
    }
    const event = JSON.parse(body);
    if (event.type === "activation.decided" && !decided) {
      decided = event;
      // The receiver's own retry of a call it did not see answered: the same key, one order.
      const idempotencyKey = crypto.randomUUID();
      for (let attempt = 0; attempt < 2; attempt++) {
        const { data, response: answer } = await api.POST("/api/v1/numbers/orders", {
          params: { header: { "Idempotency-Key": idempotencyKey } },
          body: { pbxId: pbxId!, countryCode: "DE", type: "GEOGRAPHIC", blockSize: 10, blockCount: 1, areaName: area },
        });
        orders.push({
          status: answer.status,
          orderId: data?.orderId,
          replayed: answer.headers.get("idempotent-replayed"),
        });
      }
    }
    response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  let pbxId: string | undefined;
  try {
    const endpoint = await api.POST("/api/v1/webhook-endpoints", {
      body: {
        url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/classound`,
        events: ["activation.decided"],
        description: "CRM",
      },
    });
    expect(endpoint.response.status, JSON.stringify(endpoint.error)).toBe(201);
    secret = endpoint.data!.secret;

    // ── Register a PBX, start its activation, upload every document, submit ─
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const pbx = await api.POST("/api/v1/pbxs", {
      body: {
        customerId: tenant.customer.id,
        serial: `CS-API-${Date.now().toString(36).toUpperCase()}`,
        name: "Hamburg office",
        licensing: "PER_USER",
        licensePlan: "YEARLY",
        termStart: day(-30),
        termEnd: day(300),
        basic: 4,
        essential: 0,
        business: 2,
        premium: 0,
        softwareVersion: "6.01.20240310.2",
      },
    });
    expect(pbx.response.status, JSON.stringify(pbx.error)).toBe(201);
    pbxId = pbx.data!.id;

    const { countryCode, ...legalEntity } = SAMPLE_LEGAL_ENTITY;
    const created = await api.POST("/api/v1/activations", { body: { pbxId, countryCode, ...legalEntity } });
    expect(created.response.status, JSON.stringify(created.error)).toBe(201);
    const activation = created.data!;
    expect(activation.documents.length).toBeGreaterThan(0);
    for (const slot of activation.documents) {
      const form = new FormData();
      form.append("file", new Blob([sampleFiles.pdf(slot.id)], { type: "application/pdf" }), `${slot.id}.pdf`);
      const uploaded = await api.POST("/api/v1/activations/{id}/documents/{documentId}", {
        params: { path: { id: activation.id, documentId: slot.id } },
        body: form as never,
        bodySerializer: (body) => body as unknown as FormData,
      });
      expect(uploaded.response.status, JSON.stringify(uploaded.error)).toBe(200);
    }
    const ready = await api.GET("/api/v1/activations/{id}", { params: { path: { id: activation.id } } });
    expect(ready.data!.missing).toEqual([]);
    const submitted = await api.POST("/api/v1/activations/{id}/submit", { params: { path: { id: activation.id } } });
    expect(submitted.data?.status, JSON.stringify(submitted.error)).toBe("SUBMITTED");

    // ── The admin approves in the browser ──────────────────────────────────
    const { page: admin } = await signInAs("ADMIN");
    await admin.goto(`/admin/activations/${activation.id}`);
    await expect(admin.getByRole("heading", { level: 1 })).toContainText("Hamburg office");
    await admin.getByRole("button", { name: "Start review" }).click();
    await expect(admin.getByText("In review", { exact: true }).first()).toBeVisible();
    await admin.getByRole("button", { name: "Approve" }).click();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Approve" }).click();
    await expect(admin.getByText("Approved", { exact: true }).first()).toBeVisible();

    // ── The signed event arrives; the receiver's two calls made one order ──
    await expect.poll(() => orders.length, { timeout: 45_000 }).toBe(2);
    expect(refused).toEqual([]);
    expect(decided).toMatchObject({ type: "activation.decided", data: { id: activation.id, status: "APPROVED" } });
    expect(orders[0]).toMatchObject({ status: 201, replayed: null });
    expect(orders[1]).toEqual({ ...orders[0], replayed: "true" });
    expect(await db.numberOrder.count({ where: { pbxId } })).toBe(1);
    const numbers = await api.GET("/api/v1/numbers", { params: { query: { pbxId } } });
    expect(numbers.data!.data).toHaveLength(10);
    const status = await api.GET("/api/v1/activations/{id}", { params: { path: { id: activation.id } } });
    expect(status.data!.status).toBe("APPROVED");

    // ── The partner's admin finds the delivery in the endpoint's log ───────
    const { page: partner, email } = await signInAs("PARTNER");
    await db.user.update({ where: { email }, data: { isPartnerAdmin: true } });
    await partner.goto("/webhooks");
    await partner.getByRole("link", { name: "Delivery log" }).click();
    const delivery = partner.getByRole("listitem").filter({ hasText: "activation.decided" });
    await expect(delivery).toContainText("Delivered");
    await expect(delivery).toContainText(decided!.id);
  } finally {
    receiver.close();
  }
});
