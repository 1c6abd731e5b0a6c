import type { ActionFailure } from "@/lib/http/action-result";
import { problemType } from "@/lib/api/problem";
import { ASSET_VERSION, DOCS_CSP } from "./assets";

// What each problem `type` (lib/api/problem.ts) means: the links in error answers land here.
const PROBLEMS: Record<ActionFailure["code"], string> = {
  BAD_REQUEST: "The request could not be read (malformed JSON, a missing header).",
  INVALID: "A value was refused: `errors` names each field and says why.",
  UNAUTHENTICATED: "No API key was sent, or it is unknown, revoked or expired.",
  FORBIDDEN: "The key lacks the scope the operation needs.",
  NOT_FOUND: "No such resource for this partner.",
  CONFLICT: "The resource's state does not allow this (or an idempotent request is still in flight).",
  TOO_LARGE: "The body or file is larger than allowed.",
  RATE_LIMITED: "Too many requests for this key: wait the `Retry-After` seconds.",
  INTERNAL: "Our fault: retry later; the incident is logged.",
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

const problemList = Object.entries(PROBLEMS)
  .map(([code, meaning]) => {
    const anchor = problemType(code as ActionFailure["code"]).split("#")[1];
    return `<dt id="${anchor}"><code>${code}</code></dt><dd>${escapeHtml(meaning)}</dd>`;
  })
  .join("\n");

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CLASSOUND partner API reference</title>
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/api/docs/swagger-ui.css?v=${ASSET_VERSION}">
<style>body{margin:0}.problems{max-width:1460px;margin:0 auto 3rem;padding:0 20px;font-family:sans-serif;color:#3b4151}.problems dd{margin:0 0 .75rem 1rem}</style>
</head>
<body>
<main>
<div id="swagger-ui"></div>
<section class="problems" aria-labelledby="problems">
<h2 id="problems">Problem types</h2>
<p>Every error is an RFC 9457 problem (<code>application/problem+json</code>); its <code>type</code> links here.</p>
<dl>
${problemList}
</dl>
</section>
</main>
<script src="/api/docs/swagger-ui-bundle.js?v=${ASSET_VERSION}"></script>
<script src="/api/docs/init.js?v=${ASSET_VERSION}"></script>
</body>
</html>
`;

// Public, like the document it renders. Route handlers are outside proxy.ts, so the page brings its
// own Content-Security-Policy: every script is a file of the portal, none inline.
export function GET(): Response {
  return new Response(page, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "Content-Security-Policy": DOCS_CSP,
    },
  });
}
