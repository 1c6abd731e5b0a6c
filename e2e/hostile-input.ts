import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { ROLES, type Role } from "./fixtures";
import { portalPages, PRICE_LIST_UPLOADS, routeHandlers, routesReadingTheirQuery, type PageIds } from "./portal-pages";

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
 * its query, and for a page that reads no query at all: the values that would break a parser reading
 * it anyway (a NUL, broken percent-encoding, 5,000 characters, prototype keys), not all of them again.
 * A page that reads no query hands it to nothing but Next's own parsing and the proxy, the same for
 * every such page: one of them gets these, not each. A page several roles open parses its query with
 * the same schema for each: the first of them gets every value, the others these.
 */
const refusedPageQueries = [allKeys("%00"), allKeys("%E0%A4%A"), allKeys(LONG), hostileQueries.at(-1)!];
const WRONG_IDS = ["%00", "'%20OR%201=1", "not-an-id", "XYZ", LONG, "c" + "z".repeat(24), "..%2F..%2Fetc%2Fpasswd"];
/** Percent-encoding that does not decode: a bad escape, and an overlong UTF-8 dot (issue 28). */
const BAD_ENCODINGS = ["%ZZ", "%C0%AE"];
/** A custom range from year 0000 (it parses as a date), for every page and route that reads statistics dates. */
function fromYearZero(url: string) {
  const withRange = new URL(url, "http://portal");
  for (const [key, value] of Object.entries({ preset: "custom", from: "0000-01-01", to: "2026-12-31" }))
    withRange.searchParams.set(key, value);
  return withRange.pathname + withRange.search;
}
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
  "/admin/invoices/",
  "/billing/invoices/",
  "/api/invoices/",
  "/api/credit-notes/",
  "/api/billing/rebilling/",
  "/api/price-lists/GOLD/pdf?version=",
  "/price-list/changes?tier=GOLD&to=",
];
/** Each dynamic path segment (one request per route shape) with a value that does not decode. */
const badlyEncoded = (bad: string) => [
  ...DYNAMIC_PREFIXES.filter((prefix) => !prefix.includes("?")).map((prefix) => prefix + bad),
  `/set-password/${bad}`,
  `/api/statistics/figures/${bad}`,
  `/api/admin/required-documents/${bad}/template`,
];

// Free-text fields of the portal's forms (ticket, site, customer, user, API key, area, porting,
// filters): one argument with a NUL in each, for every action (issue 28: NUL reached PostgreSQL).
const NUL = "a\u0000b";
const NUL_ARGUMENT = JSON.stringify([
  Object.fromEntries(
    ["subject", "message", "body", "name", "street", "city", "customerName", "areaName", "currentOperator", "reason"]
      .concat(["note", "label", "email", "q", "building", "floor", "room", "legalName", "senderName", "cnam"])
      .map((field) => [field, NUL]),
  ),
]);

/**
 * Every server action of the build the server runs, each with a page that serves it (Next's own
 * manifest; the ids change with every build). Dynamic segments get an id of the right shape.
 */
function serverActions(): { id: string; page: string }[] {
  const manifest = JSON.parse(
    readFileSync(`${process.env.NEXT_DIST_DIR || ".next"}/server/server-reference-manifest.json`, "utf8"),
  ) as {
    node: Record<string, { workers: Record<string, unknown> }>;
  };
  const pathOf = (worker: string) =>
    worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\[[^\]]+\]/g, "c" + "z".repeat(24)) || "/";
  const actions = Object.entries(manifest.node).map(([id, { workers }]) => ({
    id,
    page: pathOf(Object.keys(workers)[0]),
  }));
  if (actions.length === 0) throw new Error("The build lists no server actions: is .next the server's build?");
  return actions;
}

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
        try {
          // The whole body is read: a stream cut after its 200 (an export failing midway) throws here.
          const response = await request.fetch(url, { ...init, method, maxRedirects: 0, failOnStatusCode: false });
          seen(url, response.status());
          if (response.status() >= 500) failures.push(`${method} ${url.slice(0, 160)} → ${response.status()}`);
        } catch (error) {
          failures.push(`${method} ${url.slice(0, 160)} → ${(error as Error).message.split("\n")[0]}`);
        }
      }),
    );
  }
  return failures;
}

/**
 * Every request of the hostile sweep that answered 5xx, as "METHOD url → status" (empty when none did).
 * Which pages a signed-in role opens is stated in portal-pages.ts (the page sweep holds every page to
 * it); a signed-out visitor's are asked for first, plainly, which checks those answers too.
 */
export async function hostileInputFailures(
  request: APIRequestContext,
  ids: PageIds,
  baseURL: string,
  role: Role | "signed out",
) {
  const portal = portalPages(ids);
  const pages = portal.map((page) => page.url);
  const readsQuery = routesReadingTheirQuery();
  const queriesFor = new Map(portal.map(({ url, route }) => [url, readsQuery.has(route)]));
  const failures: string[] = [];

  // The pages this actor gets every hostile value on: those it opens, and of a signed-in role only
  // those no earlier role opens.
  const everyValue = new Map<string, boolean>();
  if (role === "signed out")
    failures.push(...(await statuses(request, "GET", pages, {}, (url, status) => everyValue.set(url, status < 300))));
  else
    for (const page of portal)
      everyValue.set(page.url, !page.redirectsHome && ROLES.find((r) => page.opens.includes(r)) === role);
  const withQuery = (page: string, query: string) => `${page}${page.includes("?") ? "&" : "?"}${query}`;
  const ignoringQuery = pages.filter((page) => !queriesFor.get(page));
  const queriesOf = (page: string) => {
    if (!queriesFor.get(page)) return page === ignoringQuery[0] ? refusedPageQueries : [];
    return everyValue.get(page) ? hostileQueries : refusedPageQueries;
  };
  failures.push(
    ...(await statuses(
      request,
      "GET",
      pages.flatMap((page) => queriesOf(page).map((query) => withQuery(page, query))),
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
    ...(await statuses(request, "GET", BAD_ENCODINGS.flatMap(badlyEncoded))),
    ...(await statuses(
      request,
      "GET",
      [...pages, ...routeHandlers(ids)].filter((url) => url.includes("statistics")).map(fromYearZero),
    )),
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

  // Real actions: NUL in every free-text field, once per action; and bodies Next cannot decode (empty,
  // not JSON, past its 1 MB limit, a broken multipart) once, on one action, since they fail before
  // any action's code runs.
  const actions = serverActions();
  const call = (id: string, contentType = "text/plain;charset=UTF-8") => ({
    ...origin,
    "Next-Action": id,
    "Content-Type": contentType,
  });
  for (let i = 0; i < actions.length; i += 4) {
    const batch = actions
      .slice(i, i + 4)
      .map((action) => statuses(request, "POST", [action.page], { headers: call(action.id), data: NUL_ARGUMENT }));
    for (const failed of await Promise.all(batch)) failures.push(...failed);
  }
  const [first] = actions;
  for (const data of ["", "{not json", "[" + '"x",'.repeat(300_000) + '"x"]'])
    failures.push(...(await statuses(request, "POST", [first.page], { headers: call(first.id), data })));
  failures.push(
    ...(await statuses(request, "POST", [first.page], {
      headers: call(first.id, "multipart/form-data; boundary=nope"),
      data: "--nope\r\ngarbage",
    })),
  );

  // Uploads: a body that is no form, a form without a file, ids of the wrong shape, another origin.
  const uploads = [
    routeHandlers(ids)[0],
    "/api/porting",
    "/api/admin/cdr-imports",
    "/api/admin/number-imports",
    "/api/emergency/import",
    "/api/admin/invoices/payments",
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
