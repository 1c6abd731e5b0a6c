import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { checkedAddresses, guardedLookup, isPublicAddress, RefusedAddressError, type Resolve } from "./address-guard";

/** The whole request, connection to the last byte read: a slow receiver cannot hold a dispatcher. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** What is read of an answer at most; the rest is dropped with the connection. */
export const WEBHOOK_READ_LIMIT_BYTES = 64 * 1024;
/** What the delivery log keeps of an answer. */
export const WEBHOOK_SNIPPET_CHARS = 500;

export interface SendOptions {
  allowPrivate: boolean;
  resolve?: Resolve;
  timeoutMs?: number;
}

export interface WebhookResponse {
  /** Null when no answer came (refused address, network error, timeout). */
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  snippet: string | null;
}

// PostgreSQL refuses a NUL in text, and the log is read by people: keep printable text only.
const printable = (text: string) =>
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, "").slice(0, WEBHOOK_SNIPPET_CHARS);

/**
 * POSTs one webhook and reports what came back, never throwing. No redirect is followed (a 3xx is a
 * failure like any non-2xx); the connection goes only to checked addresses (address-guard.ts); the
 * answer is read to WEBHOOK_READ_LIMIT_BYTES, then the connection is closed.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  { allowPrivate, resolve, timeoutMs = WEBHOOK_TIMEOUT_MS }: SendOptions,
): Promise<WebhookResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = new URL(url);
  // An IP literal is connected to without any lookup: check it here, before a packet leaves.
  if (isIP(target.hostname.replace(/^\[(.*)\]$/, "$1")))
    try {
      await checkedAddresses(target.hostname, { allowPrivate });
    } catch (error) {
      return { statusCode: null, durationMs: elapsed(), error: (error as Error).message, snippet: null };
    }
  return new Promise((settle) => {
    let settled = false;
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(target, {
      method: "POST",
      agent: false,
      lookup: guardedLookup({ allowPrivate, resolve }),
      headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
    });
    const finish = (result: Omit<WebhookResponse, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      settle({ ...result, durationMs: elapsed() });
    };
    const timer = setTimeout(
      () => request.destroy(new Error(`No complete answer within ${timeoutMs / 1000} s.`)),
      timeoutMs,
    );
    request.on("socket", (socket) =>
      socket.once("connect", () => {
        // Belt and braces: whatever resolved the name, the peer itself must be allowed.
        if (!allowPrivate && socket.remoteAddress && !isPublicAddress(socket.remoteAddress))
          request.destroy(new RefusedAddressError(`${socket.remoteAddress} is not a public address.`));
      }),
    );
    request.on("error", (error) => finish({ statusCode: null, error: error.message || String(error), snippet: null }));
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const statusCode = response.statusCode ?? null;
        const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
        const redirect = statusCode !== null && statusCode >= 300 && statusCode < 400;
        finish({
          statusCode,
          error: ok
            ? null
            : redirect
              ? `HTTP ${statusCode}: redirects are not followed${response.headers.location ? ` (to ${printable(response.headers.location)})` : ""}.`
              : `HTTP ${statusCode}.`,
          snippet: printable(Buffer.concat(chunks).toString("utf8")) || null,
        });
      };
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk.subarray(0, WEBHOOK_READ_LIMIT_BYTES - size));
        size += chunk.length;
        if (size >= WEBHOOK_READ_LIMIT_BYTES) done();
      });
      response.on("end", done);
      response.on("error", (error) => finish({ statusCode: null, error: error.message, snippet: null }));
    });
    request.end(body);
  });
}
