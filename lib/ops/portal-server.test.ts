import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/auth/client-address";
import { createLogger } from "@/lib/log/logger";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createPortalServer } from "./portal-server";

const { prisma } = await createTestDatabase();

const lines: Record<string, unknown>[] = [];
const log = createLogger((line) => void lines.push(JSON.parse(line)));

/** A portal server whose handler audits one action and answers the address it was given. */
async function serve(trustedProxyHops: number) {
  const { server } = createPortalServer(
    async (req, res) => {
      if (req.url === "/fails") throw new Error("the handler broke");
      await recordAudit(prisma, { action: "auth.sign_in", entityType: "Probe", entityId: req.url });
      res.end(clientAddress(req.headers, 0));
    },
    { trustedProxyHops, log },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers });
}

const auditedRequestId = async (entityId: string) =>
  (await prisma.auditLog.findFirstOrThrow({ where: { entityType: "Probe", entityId } })).requestId;

describe("the portal server", () => {
  it("gives each request an id, carried into its audit entries and its log line; a client's is not taken", async () => {
    const request = await serve(0);
    const response = await request("/set-password/secret-token?next=/x", {
      "X-Request-Id": "chosen-by-the-client",
      [CLIENT_ADDRESS_HEADER]: "6.6.6.6",
    });
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // The peer's address, never the client's own claim.
    expect(await response.text()).toBe("127.0.0.1");
    expect(await auditedRequestId("/set-password/secret-token?next=/x")).toBe(id);
    const line = lines.find((entry) => entry.requestId === id);
    expect(line).toMatchObject({ level: "info", msg: "request", method: "GET", status: 200 });
    // The one-time token and the query string stay out of the log.
    expect(line?.path).toBe("/set-password/…");
    expect(line?.durationMs).toEqual(expect.any(Number));
    expect(new Date(line?.time as string).getTime()).not.toBeNaN();
  });

  it("takes a trusted proxy's id when it looks like one", async () => {
    const request = await serve(1);
    const proxied = await request("/proxied", { "X-Request-Id": "edge-7f3a:1" });
    expect(proxied.headers.get("x-request-id")).toBe("edge-7f3a:1");
    expect(await auditedRequestId("/proxied")).toBe("edge-7f3a:1");
    const garbled = await request("/garbled", { "X-Request-Id": "<script>alert(1)</script>" });
    expect(garbled.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await auditedRequestId("/garbled")).toBe(garbled.headers.get("x-request-id"));
  });

  it("answers a handler's failure with a 500 and logs it with its stack", async () => {
    const request = await serve(0);
    const response = await request("/fails");
    expect(response.status).toBe(500);
    const id = response.headers.get("x-request-id");
    const failure = lines.find((entry) => entry.msg === "request failed" && entry.requestId === id);
    expect(failure?.error).toMatchObject({
      name: "Error",
      message: "the handler broke",
      stack: expect.stringContaining("portal-server.test.ts"),
    });
    expect(lines.find((entry) => entry.msg === "request" && entry.requestId === id)).toMatchObject({
      level: "error",
      status: 500,
    });
  });

  it("writes no request id into an entry made outside a request (a job, a script)", async () => {
    await recordAudit(prisma, { action: "auth.sign_in", entityType: "Probe", entityId: "job" });
    expect(await auditedRequestId("job")).toBeNull();
  });
});
