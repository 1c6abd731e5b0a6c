import { describe, expect, it } from "vitest";
import { problemType } from "@/lib/api/problem";
import { GET as asset } from "./[asset]/route";
import { GET } from "./route";

const ORIGIN = "https://portal.example";
const assetResponse = (name: string) =>
  asset(new Request(`${ORIGIN}/api/docs/${name}`), { params: Promise.resolve({ asset: name }) });

describe("GET /api/docs", () => {
  const response = GET();

  it("answers an HTML page whose scripts are all files of the portal, none inline, under its own CSP", async () => {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.clone().text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, content] of scripts) {
      const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
      expect(src, "an inline script").toBeDefined();
      expect(new URL(src!, ORIGIN).origin).toBe(ORIGIN);
      expect(content.trim()).toBe("");
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
    const csp = response.headers.get("content-security-policy")!;
    const scriptSources = /script-src ([^;]+)/.exec(csp)![1].trim().split(/\s+/);
    expect(scriptSources).toEqual(["'self'"]);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("serves every script and stylesheet it links from the portal, with its type", async () => {
    const html = await response.clone().text();
    const links = [...html.matchAll(/(?:src|href)="(\/api\/docs\/[^"?]+)[^"]*"/g)].map((match) => match[1]);
    expect(links).toEqual(["/api/docs/swagger-ui.css", "/api/docs/swagger-ui-bundle.js", "/api/docs/init.js"]);
    for (const link of links) {
      const served = await assetResponse(link.split("/").pop()!);
      expect(served.status, link).toBe(200);
      expect(served.headers.get("content-type"), link).toMatch(
        link.endsWith(".css") ? /^text\/css/ : /^text\/javascript/,
      );
      expect((await served.arrayBuffer()).byteLength, link).toBeGreaterThan(0);
    }
    const init = await (await assetResponse("init.js")).text();
    expect(init).toContain('url: "/api/v1/openapi.json"');
  });

  it("serves no other file, whatever the segment says", async () => {
    for (const name of [
      "package.json",
      "..%2F..%2Fpackage.json",
      "../package.json",
      "index.html",
      "toString",
      "__proto__",
    ])
      expect((await assetResponse(name)).status, name).toBe(404);
  });

  it("has an anchor for every problem type an error links to", async () => {
    const html = await response.clone().text();
    for (const code of ["NOT_FOUND", "RATE_LIMITED", "INVALID", "UNAUTHENTICATED", "FORBIDDEN"] as const)
      expect(html).toContain(`id="${problemType(code).split("#")[1]}"`);
  });
});
