import { IncomingMessage, type IncomingHttpHeaders, type ServerResponse } from "node:http";

// Requests Next.js cannot decode end in its own 500, before any code of ours runs: a path segment
// that does not percent-decode (`/tickets/%ZZ`, `/pbxs/%C0%AE`: its 400 page does not exist in an
// App Router build), and a server-action call whose body is empty, not JSON or past its size limit
// (its action handler answers every decoding failure with 500). The custom server (scripts/server.ts)
// answers these itself, as the client's error they are. Issue 28, item 4.

/** Next's default `serverActions.bodySizeLimit` (next.config.mjs sets none): past it Next answers 500. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export interface Refusal {
  status: 400 | 413;
  message: string;
}

const BAD_ADDRESS: Refusal = { status: 400, message: "Bad request: the address is not valid." };
const BAD_ACTION: Refusal = { status: 400, message: "Bad request: this is not a form submission the portal sends." };
const TOO_LARGE: Refusal = { status: 413, message: "Request too large: a form submission is at most 1 MB." };

/** A request target whose path does not percent-decode; the query string is left to each page's parser. */
export function malformedPath(url: string): Refusal | null {
  try {
    decodeURIComponent(url.split("?", 1)[0]);
    return null;
  } catch {
    return BAD_ADDRESS;
  }
}

/**
 * A POST that Next.js decodes as a server action: one naming an action (`Next-Action`, the client's
 * fetch call) or a form post without script (multipart). Route handlers under /api read their own.
 */
function isActionCall(req: IncomingMessage): boolean {
  if (req.method !== "POST" || /^\/api(\/|\?|$)/.test(req.url ?? "")) return false;
  return "next-action" in req.headers || isMultipart(req.headers["content-type"]);
}

const isMultipart = (contentType: string | undefined) => /^multipart\/form-data/i.test(contentType ?? "");

/** The action's arguments as the client encodes them: always a JSON array (field "0" of a multipart body). */
function isArgumentList(text: string | null): boolean {
  if (!text) return false;
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

/**
 * What makes an action call's body one Next cannot decode, or null. `namesAction`: the request
 * carries `Next-Action` (a form post without script has fields of the form's own choosing).
 */
export async function actionBodyProblem(
  contentType: string | undefined,
  namesAction: boolean,
  body: Buffer,
): Promise<Refusal | null> {
  if (!isMultipart(contentType)) return isArgumentList(body.toString("utf8")) ? null : BAD_ACTION;
  let form: FormData;
  try {
    const request = new Request("http://localhost/", {
      method: "POST",
      headers: { "content-type": contentType! },
      body: new Uint8Array(body),
    });
    form = await request.formData();
  } catch {
    return BAD_ACTION;
  }
  if (!namesAction) return null;
  const root = form.get("0");
  return isArgumentList(typeof root === "string" ? root : null) ? null : BAD_ACTION;
}

/**
 * A body past the limit is still read, and dropped, up to this much: an honest client still writing
 * then gets its 413, not a connection reset. Past it, the connection goes without reading more.
 */
const DRAIN_LIMIT = 8 * ACTION_BODY_LIMIT;

/** The body, or null when it passes `limit` (drained up to DRAIN_LIMIT, never kept). */
async function readUpTo(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > DRAIN_LIMIT) return null;
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of req) {
    received += (chunk as Buffer).byteLength;
    if (received > DRAIN_LIMIT) return null;
    if (received <= limit) chunks.push(chunk as Buffer);
  }
  return received > limit || declared > limit ? null : Buffer.concat(chunks);
}

/** The same request with its body already read, for Next to read again. */
function withBody(req: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = new IncomingMessage(req.socket);
  replay.method = req.method;
  replay.url = req.url;
  replay.headers = req.headers as IncomingHttpHeaders;
  replay.rawHeaders = req.rawHeaders;
  replay.httpVersion = req.httpVersion;
  replay.httpVersionMajor = req.httpVersionMajor;
  replay.httpVersionMinor = req.httpVersionMinor;
  replay.complete = true;
  // Fed from memory: reading must not resume the socket, which has nothing more for this request.
  replay._read = () => {};
  replay.push(body);
  replay.push(null);
  return replay;
}

function refuse(res: ServerResponse, refusal: Refusal, closeAfter = false) {
  res.writeHead(refusal.status, {
    "Content-Type": "text/plain; charset=utf-8",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    // A body left unread (past the limit) is not worth draining: the connection goes with it.
    ...(closeAfter ? { Connection: "close" } : {}),
  });
  res.end(refusal.message);
}

/**
 * Answers a request Next.js would fail on with a 500 itself (400, or 413 past the action body
 * limit), and hands every other request to `next`: an action call with its body read and checked.
 */
export async function guardMalformedRequest(
  req: IncomingMessage,
  res: ServerResponse,
  next: (req: IncomingMessage, res: ServerResponse) => unknown,
): Promise<void> {
  const badPath = malformedPath(req.url ?? "/");
  if (badPath) return refuse(res, badPath);
  if (!isActionCall(req)) return void next(req, res);
  const body = await readUpTo(req, ACTION_BODY_LIMIT).catch(() => null);
  if (!body) return refuse(res, TOO_LARGE, true);
  const problem = await actionBodyProblem(req.headers["content-type"], "next-action" in req.headers, body);
  if (problem) return refuse(res, problem);
  return void next(withBody(req, body), res);
}
