import type { APIRequestContext } from "@playwright/test";
import { portalPages, PRICE_LIST_UPLOADS, routeHandlers, type PageIds } from "./portal-pages";

// Query strings and ids nobody should send: every page and route must answer them with a 400 or a
// 404 (or the default view), never a 500.
const LONG = "x".repeat(5_000);
const HOSTILE_VALUES = [
  "NOPE",
  "%00",
  "1e300",
  "-1",
  "Infinity",
  "__proto__",
  "%27%22%3E%3Cscript%3E",
  "%E0%A4%A",
  LONG,
  "DRAFT",
  "de",
  "c" + "z".repeat(24),
];
const KEYS = [
  "tier",
  "status",
  "page",
  "sort",
  "q",
  "country",
  "partner",
  "pbx",
  "attention",
  "partnerId",
  "from",
  "to",
  "version",
  "customer",
  "preset",
  "direction",
  "area",
  "number",
  "type",
];
const allKeys = (value: string) => KEYS.map((key) => `${key}=${value}`).join("&");
const hostileQueries = [
  ...HOSTILE_VALUES.map(allKeys),
  "partnerId[]=x&partnerId[]=y&status=SUBMITTED&status=APPROVED&tier=GOLD&tier=SILVER&page=2&page=3",
  "constructor[prototype][x]=1&__proto__[x]=1",
];
/**
 * For a page the actor may not open (403, or the sign-in redirect), which answers before it reads
 * its query: the values that would break a parser reading it anyway (a NUL, broken percent-encoding,
 * 5,000 characters, prototype keys), not all of them again.
 */
const refusedPageQueries = [allKeys("%00"), allKeys("%E0%A4%A"), allKeys(LONG), hostileQueries.at(-1)!];
const WRONG_IDS = ["%00", "'%20OR%201=1", "not-an-id", "XYZ", LONG, "c" + "z".repeat(24), "..%2F..%2Fetc%2Fpasswd"];
const DYNAMIC_PREFIXES = [
  "/activations/",
  "/admin/activations/",
  "/admin/countries/",
  "/api/files/",
  "/tickets/",
  "/admin/tickets/",
  "/pbxs/",
  "/porting/",
  "/admin/porting/",
  "/numbers/orders/",
  "/admin/numbers/",
  "/admin/numbers/imports/",
  "/admin/cdr-imports/",
  "/api/price-lists/GOLD/pdf?version=",
  "/price-list/changes?tier=GOLD&to=",
];

async function statuses(
  request: APIRequestContext,
  method: "GET" | "POST",
  urls: string[],
  init: Parameters<APIRequestContext["fetch"]>[1] = {},
  seen: (url: string, status: number) => void = () => {},
) {
  const failures: string[] = [];
  // A few at a time: the machine running the suite is small.
  for (let i = 0; i < urls.length; i += 4) {
    await Promise.all(
      urls.slice(i, i + 4).map(async (url) => {
        const response = await request.fetch(url, { ...init, method, maxRedirects: 0, failOnStatusCode: false });
        seen(url, response.status());
        if (response.status() >= 500) failures.push(`${method} ${url.slice(0, 160)} → ${response.status()}`);
      }),
    );
  }
  return failures;
}

/** Every request of the hostile sweep that answered 5xx, as "METHOD url → status" (empty when none did). */
export async function hostileInputFailures(request: APIRequestContext, ids: PageIds, baseURL: string) {
  const pages = portalPages(ids).map((page) => page.url);
  const failures: string[] = [];

  const opens = new Map<string, boolean>();
  failures.push(...(await statuses(request, "GET", pages, {}, (url, status) => opens.set(url, status < 300))));
  const withQuery = (page: string, query: string) => `${page}${page.includes("?") ? "&" : "?"}${query}`;
  failures.push(
    ...(await statuses(
      request,
      "GET",
      pages.flatMap((page) =>
        (opens.get(page) ? hostileQueries : refusedPageQueries).map((query) => withQuery(page, query)),
      ),
    )),
  );
  failures.push(
    ...(await statuses(
      request,
      "GET",
      DYNAMIC_PREFIXES.flatMap((prefix) => WRONG_IDS.map((id) => prefix + id)),
    )),
  );
  failures.push(
    ...(await statuses(
      request,
      "GET",
      WRONG_IDS.map((id) => `/api/admin/required-documents/${id}/template`),
    )),
    ...(await statuses(request, "GET", routeHandlers(ids))),
  );

  // A server action call that is not one: an unknown action id and a body that is not an action's.
  const origin = { Origin: baseURL };
  const actionHeaders = {
    ...origin,
    "Next-Action": "7f" + "0123456789abcdef".repeat(2) + "0123456789",
    "Content-Type": "text/plain;charset=UTF-8",
  };
  failures.push(
    ...(await statuses(request, "POST", pages, { headers: actionHeaders, data: "\u0000{not json" })),
    ...(await statuses(request, "POST", pages, {
      headers: { ...actionHeaders, "Content-Type": "multipart/form-data; boundary=nope" },
      data: "--nope\r\ngarbage",
    })),
    ...(await statuses(request, "POST", pages, {
      headers: { ...origin, "Content-Type": "application/json" },
      data: "[[[",
    })),
  );

  // Uploads: a body that is no form, a form without a file, ids of the wrong shape, another origin.
  const uploads = [
    routeHandlers(ids)[0],
    "/api/porting",
    "/api/admin/cdr-imports",
    "/api/admin/number-imports",
    "/api/emergency/import",
    ...PRICE_LIST_UPLOADS,
    ...WRONG_IDS.map((id) => `/api/activations/${id}/documents/${id}`),
  ];
  failures.push(
    ...(await statuses(request, "POST", uploads, {
      headers: { ...origin, "Content-Type": "application/json" },
      data: "{not json",
    })),
    ...(await statuses(request, "POST", uploads, {
      headers: { ...origin, "Content-Type": "multipart/form-data; boundary=x" },
      data: "--x\r\n\r\n--x--",
    })),
    ...(await statuses(request, "POST", uploads, { headers: origin, multipart: { other: "field" } })),
    ...(await statuses(request, "POST", uploads, {
      headers: { Origin: "https://evil.example" },
      multipart: { file: { name: "a.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") } },
    })),
  );
  return failures;
}
