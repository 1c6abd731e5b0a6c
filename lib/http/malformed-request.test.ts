import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, actionBodyProblem, guardMalformedRequest, malformedPath } from "./malformed-request";

// What Next.js answers with a 500 (issue 28, item 4): a path segment that does not percent-decode, and
// a server-action call whose body it cannot decode. The guard in front of Next answers them itself.

describe("malformed paths", () => {
  it("refuses a path that does not percent-decode, wherever the segment is", () => {
    for (const url of ["/tickets/%ZZ", "/pbxs/%C0%AE", "/api/files/%ZZ", "/admin/activations/%E0%A4%A", "/%"])
      expect(malformedPath(url), url).toMatchObject({ status: 400 });
  });

  it("lets well-formed paths through, and leaves the query string to the page's own parser", () => {
    for (const url of ["/tickets/c123", "/pbxs/%41bc", "/api/files/..%2F..%2Fetc", "/numbers?q=%ZZ&page=%C0%AE"])
      expect(malformedPath(url), url).toBeNull();
  });
});

const multipartOf = async (form: FormData) => {
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return { type: request.headers.get("content-type")!, body: Buffer.from(await request.arrayBuffer()) };
};

describe("server-action bodies", () => {
  const plain = (body: string) => actionBodyProblem("text/plain;charset=UTF-8", true, Buffer.from(body));

  it("refuses an empty body, one that is not JSON, and JSON that is not an argument list", async () => {
    for (const body of ["", "{not json", "\u0000{not json", "[1", "null", '"x"', '{"a":1}'])
      expect(await plain(body), JSON.stringify(body)).toMatchObject({ status: 400 });
  });

  it("accepts the argument list the portal's client sends", async () => {
    expect(await plain("[]")).toBeNull();
    expect(await plain('[{"pbxId":"c123","note":"$$ kept"}]')).toBeNull();
  });

  it("refuses a multipart body that is not one, or that carries no argument list", async () => {
    const garbage = Buffer.from("--nope\r\ngarbage");
    expect(await actionBodyProblem("multipart/form-data; boundary=nope", true, garbage)).toMatchObject({ status: 400 });
    expect(await actionBodyProblem("multipart/form-data", true, garbage)).toMatchObject({ status: 400 });
    const empty = Buffer.from("--x--\r\n");
    expect(await actionBodyProblem("multipart/form-data; boundary=x", true, empty)).toMatchObject({ status: 400 });
    const notJson = new FormData();
    notJson.set("0", "{not json");
    const parts = await multipartOf(notJson);
    expect(await actionBodyProblem(parts.type, true, parts.body)).toMatchObject({ status: 400 });
  });

  it("accepts a well-formed multipart call, and a form post (no Next-Action) of any fields", async () => {
    const call = new FormData();
    call.set("0", '["$K1"]');
    call.set("1_file", new File(["%PDF-1.4"], "a.pdf", { type: "application/pdf" }));
    const parts = await multipartOf(call);
    expect(await actionBodyProblem(parts.type, true, parts.body)).toBeNull();
    const form = new FormData();
    form.set("name", "Milan HQ");
    const posted = await multipartOf(form);
    expect(await actionBodyProblem(posted.type, false, posted.body)).toBeNull();
    expect(await actionBodyProblem(posted.type, false, Buffer.from("--nope\r\ngarbage"))).toMatchObject({
      status: 400,
    });
  });
});

describe("the guard in front of Next.js", () => {
  let server: Server;
  let base: string;
  // What reached the handler behind the guard: the method, path and the exact body bytes.
  const reached: { url: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) =>
      guardMalformedRequest(req, res, async (passed: IncomingMessage) => {
        const chunks: Buffer[] = [];
        for await (const chunk of passed) chunks.push(chunk as Buffer);
        reached.push({ url: passed.url!, body: Buffer.concat(chunks).toString("utf8") });
        res.end("handled");
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const action = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(base + path, {
      method: "POST",
      headers: {
        "Next-Action": "7f" + "0".repeat(40),
        // A FormData body brings its own multipart type (with the boundary).
        ...(typeof body === "string" ? { "Content-Type": "text/plain;charset=UTF-8" } : {}),
        ...headers,
      },
      body,
    });

  it("answers a malformed path with 400 before Next sees it", async () => {
    reached.length = 0;
    for (const path of ["/tickets/%ZZ", "/pbxs/%C0%AE", "/api/files/%ZZ"]) {
      const response = await fetch(base + path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
    expect(reached).toEqual([]);
  });

  it("answers empty, non-JSON and over-limit action bodies with a 4xx, declared or streamed", async () => {
    reached.length = 0;
    expect((await action("/users", "")).status).toBe(400);
    expect((await action("/users", "{not json")).status).toBe(400);
    expect((await action("/users", "x".repeat(ACTION_BODY_LIMIT + 1))).status).toBe(413);
    // No Content-Length: the limit holds while the body streams in.
    const chunk = new Uint8Array(256 * 1024).fill(0x61);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > ACTION_BODY_LIMIT) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const streamed = await fetch(base + "/users", {
      method: "POST",
      headers: { "Next-Action": "7f" + "0".repeat(40) },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(reached).toEqual([]);
  });

  it("hands a well-formed call on with its body intact, and leaves route handlers and GETs alone", async () => {
    reached.length = 0;
    const args = JSON.stringify([{ name: "Ünïcode ✓", padding: "y".repeat(100_000) }]);
    expect(await (await action("/users", args)).text()).toBe("handled");
    const form = new FormData();
    form.set("0", '["$K1"]');
    form.set("1_name", "Milan HQ");
    expect((await action("/emergency", form)).status).toBe(200);
    // Route handlers read their own bodies (uploads up to their own limit): a Next-Action header changes nothing.
    expect((await action("/api/porting", "{not json")).status).toBe(200);
    expect((await fetch(base + "/tickets?q=%ZZ")).status).toBe(200);
    expect(reached.map((r) => r.url)).toEqual(["/users", "/emergency", "/api/porting", "/tickets?q=%ZZ"]);
    expect(reached[0].body).toBe(args);
    expect(reached[1].body).toContain("Milan HQ");
  });
});
