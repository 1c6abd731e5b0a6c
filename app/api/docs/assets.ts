import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

const SWAGGER_UI = path.join(process.cwd(), "node_modules/swagger-ui-dist");

// Our own start-up script: a file of our origin, so the page's CSP needs no inline script (and no nonce).
const INIT = `"use strict";
window.ui = SwaggerUIBundle({
  url: "/api/v1/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});
`;

/** What the reference page loads, all from the portal: the renderer's files are read from its npm package. */
export const DOCS_ASSETS: Record<string, { type: string; read: () => Promise<string | Buffer> }> = {
  "swagger-ui-bundle.js": {
    type: "text/javascript; charset=utf-8",
    read: () => readFile(path.join(SWAGGER_UI, "swagger-ui-bundle.js")),
  },
  "swagger-ui.css": { type: "text/css; charset=utf-8", read: () => readFile(path.join(SWAGGER_UI, "swagger-ui.css")) },
  "init.js": { type: "text/javascript; charset=utf-8", read: async () => INIT },
};

/** Changes when the renderer is upgraded, so a cached copy is never served with another version's page. */
export const ASSET_VERSION: string = JSON.parse(readFileSync(path.join(SWAGGER_UI, "package.json"), "utf8")).version;

/**
 * The reference page's own policy, stricter than the portal's: scripts only from the portal, data only
 * fetched from it ("try it out" calls /api/v1 on the same origin). Inline styles stay allowed: the
 * renderer sets style attributes, and a style cannot run code.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");
