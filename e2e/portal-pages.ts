import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";
import { actorFromUser } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { orderNumbers } from "@/lib/numbers/order";
import { previewRangeImport } from "@/lib/numbers/range-import";
import {
  makeActiveService,
  makeNumberRange,
  makeTenantUser,
  uniqueGermanPrefix,
  type Tenant,
} from "@/lib/testing/fixtures";
import { submitPortingRequest } from "@/lib/porting/submit";
import { sampleFiles } from "@/lib/testing/sample-files";
import { openTicket } from "@/lib/tickets/open-ticket";
import { hashToken, PASSWORD_LINK_VALID_MS } from "@/lib/users/password-links";
import { e2eStorage, type Role } from "./fixtures";

/**
 * Ids of real rows of a tenant of the sweep's own, so every dynamic page is visited on something it
 * shows: an activation draft the partner starts through the portal (the workflow's functions reach
 * Next.js's `after()`, which plain Node cannot import), a ticket, a number order, a ranges import, a
 * CDR import, a porting request and a set-password link made with the domain functions or the seed's
 * factories, and any submitted request for the admin's review page (read-only use of the demo's).
 */
export async function pageIds(
  db: Db,
  partnerSession: { context: BrowserContext; user: Parameters<typeof actorFromUser>[0] },
  tenant: Tenant,
) {
  const partner = await partnerSession.context.newPage();
  await partner.goto("/activations");
  await partner.getByRole("button", { name: `Activate CLASSOUND on ${tenant.pbx.name}` }).click();
  await partner.waitForURL(/\/activations\/c[a-z0-9]+$/);
  const draftId = new URL(partner.url()).pathname.split("/").pop()!;
  await partner.close();

  const partnerActor = actorFromUser(partnerSession.user);
  const admin = actorFromUser(await makeTenantUser(db, "ADMIN", tenant));
  const [document] = await db.activationDocument.findMany({ where: { requestId: draftId }, take: 1 });
  const submitted = await db.activationRequest.findFirst({ where: { status: { not: "DRAFT" } }, select: { id: true } });

  await makeActiveService(db, tenant.pbx);
  const area = `Sweep ${randomBytes(3).toString("hex")}`;
  await makeNumberRange(db, {
    countryCode: "DE",
    type: "GEOGRAPHIC",
    areaName: area,
    first: `${uniqueGermanPrefix()}00`,
    size: 10,
  });
  const order = await orderNumbers(db, partnerActor, {
    pbxId: tenant.pbx.id,
    countryCode: "DE",
    type: "GEOGRAPHIC",
    areaName: area,
    blockSize: 1,
    blockCount: 1,
    idempotencyKey: randomUUID(),
  });
  const [number] = await db.phoneNumber.findMany({ where: { pbxId: tenant.pbx.id }, take: 1, select: { id: true } });
  const ticket = await openTicket(db, partnerActor, {
    category: "OTHER",
    subject: "Sweep ticket",
    message: "A ticket for the every-page sweep.",
  });
  const porting = await submitPortingRequest(
    db,
    partnerActor,
    {
      pbxId: tenant.pbx.id,
      numbers: `${uniqueGermanPrefix()}55`,
      currentOperator: "Deutsche Telekom",
      accountHolder: tenant.customer.name,
      requestedDate: "2999-06-01",
    },
    { bytes: sampleFiles.pdf("LOA"), fileName: "loa.pdf" },
    e2eStorage(),
  );
  const rangePrefix = uniqueGermanPrefix();
  const csv = `Country,Type,Area,First,Last\nDE,GEOGRAPHIC,${area},${rangePrefix}00,${rangePrefix}09\n`;
  const rangeImport = await previewRangeImport(db, admin, {
    name: "ranges.csv",
    bytes: new TextEncoder().encode(csv).buffer as ArrayBuffer,
  });
  const cdrImport = await db.cdrImport.create({
    data: {
      source: "UPLOAD",
      fileName: "calls.csv",
      status: "DONE",
      rowsRead: 0,
      createdById: admin.userId,
      finishedAt: new Date(),
    },
    select: { id: true },
  });
  const token = randomBytes(32).toString("base64url");
  const invitee = await makeTenantUser(db, "PARTNER", tenant);
  await db.passwordToken.create({
    data: {
      userId: invitee.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + PASSWORD_LINK_VALID_MS),
      createdById: admin.userId,
    },
  });

  // Partners see issued invoices only: the sweep's is issued (and frozen) at once, with a credit note.
  const invoice = await db.invoice.create({
    data: {
      partnerId: tenant.partner.id,
      periodStart: new Date("2000-01-01T00:00:00Z"),
      periodEnd: new Date("2000-02-01T00:00:00Z"),
      currency: "EUR",
      net: "1.00",
      total: "1.00",
      lines: {
        create: {
          kind: "ACTIVATION",
          pbxId: tenant.pbx.id,
          description: "Sweep line",
          quantity: 1,
          unitPrice: 1,
          amount: 1,
          formula: "1 × 1.00",
          sortOrder: 0,
        },
      },
    },
    select: { id: true },
  });
  await db.invoice.update({
    where: { id: invoice.id },
    data: {
      status: "ISSUED",
      number: `SWEEP-${randomBytes(4).toString("hex")}`,
      issuedAt: new Date(),
      dueAt: new Date(),
    },
  });
  const creditNote = await db.creditNote.create({
    data: {
      number: `CN-SWEEP-${randomBytes(4).toString("hex")}`,
      invoiceId: invoice.id,
      partnerId: tenant.partner.id,
      reason: "Sweep",
      currency: "EUR",
      net: "0.10",
      vatAmount: "0.00",
      total: "0.10",
      issuedAt: new Date(),
    },
    select: { id: true },
  });

  return {
    invoiceId: invoice.id,
    creditNoteId: creditNote.id,
    draftId,
    documentId: document?.id ?? draftId,
    reviewId: submitted?.id ?? draftId,
    pbxId: tenant.pbx.id,
    partnerId: tenant.partner.id,
    customerId: tenant.customer.id,
    orderId: order.result.orderId,
    numberId: number?.id ?? draftId,
    ticketId: ticket.id,
    portingId: porting.id,
    rangeImportId: rangeImport.id,
    cdrImportId: cdrImport.id,
    passwordToken: token,
  };
}

export type PageIds = Awaited<ReturnType<typeof pageIds>>;

export interface PortalPage {
  /** The app route (its folder under app/, route groups left out), so the sweep can tell a page is missing. */
  route: string;
  url: string;
  /** The roles that open it; every other signed-in role must get a 403. */
  opens: readonly Role[];
  /** A signed-in user is sent on to their home page. */
  redirectsHome?: true;
}

const EVERYONE = ["ADMIN", "PARTNER", "END_USER"] as const satisfies readonly Role[];
const ADMIN = ["ADMIN"] as const satisfies readonly Role[];
const PARTNER = ["PARTNER"] as const satisfies readonly Role[];
const STAFF = ["ADMIN", "PARTNER"] as const satisfies readonly Role[];

/**
 * Every page of the portal with the roles that may open it, stated here rather than read from the
 * policy module so that a page refused to a role that should see it fails the sweep.
 */
export function portalPages(ids: PageIds): PortalPage[] {
  const pages: [route: string, opens: readonly Role[], url?: string][] = [
    ["/", EVERYONE],
    ["/sign-in", EVERYONE],
    ["/set-password/[token]", EVERYONE, `/set-password/${ids.passwordToken}`],
    ["/forgot-password", EVERYONE],
    ["/two-factor", EVERYONE],
    ["/account", EVERYONE],
    ["/users", ADMIN],
    // A partner ADMIN's page (the sweep's partner user is not one): every sweep role gets the 403.
    ["/api-keys", []],
    ["/webhooks", []],
    ["/webhooks/[id]", [], `/webhooks/${ids.draftId}`],
    ["/admin", ADMIN],
    ["/admin/activations", ADMIN],
    ["/admin/activations/[id]", ADMIN, `/admin/activations/${ids.reviewId}`],
    ["/admin/countries", ADMIN],
    ["/admin/countries/[code]", ADMIN, "/admin/countries/DE"],
    ["/admin/price-lists", ADMIN],
    ["/admin/outbox", ADMIN],
    ["/admin/jobs", ADMIN],
    ["/admin/rating", ADMIN],
    ["/admin/cdr-imports", ADMIN],
    ["/admin/cdr-imports/[id]", ADMIN, `/admin/cdr-imports/${ids.cdrImportId}`],
    ["/admin/audit", ADMIN],
    ["/admin/partners", ADMIN],
    ["/admin/partners/new", ADMIN],
    ["/admin/partners/[id]", ADMIN, `/admin/partners/${ids.partnerId}`],
    ["/partner", PARTNER],
    ["/activations", PARTNER],
    ["/activations/[id]", PARTNER, `/activations/${ids.draftId}`],
    ["/customers", STAFF],
    ["/customers/[id]", STAFF, `/customers/${ids.customerId}`],
    ["/pbxs", EVERYONE],
    ["/pbxs/renewals", EVERYONE],
    ["/pbxs/new", STAFF],
    ["/pbxs/import", STAFF],
    ["/pbxs/[id]/licence", EVERYONE, `/pbxs/${ids.pbxId}/licence`],
    ["/pbxs/[id]", EVERYONE, `/pbxs/${ids.pbxId}`],
    ["/pbxs/[id]/numbers", EVERYONE, `/pbxs/${ids.pbxId}/numbers`],
    ["/pbxs/[id]/emergency", EVERYONE, `/pbxs/${ids.pbxId}/emergency`],
    ["/pbxs/[id]/usage", EVERYONE, `/pbxs/${ids.pbxId}/usage`],
    ["/pbxs/[id]/support", PARTNER, `/pbxs/${ids.pbxId}/support`],
    ["/pbxs/[id]/sms", EVERYONE, `/pbxs/${ids.pbxId}/sms`],
    ["/pbxs/[id]/api-keys", STAFF, `/pbxs/${ids.pbxId}/api-keys`],
    ["/price-list", STAFF],
    ["/price-list/changes", STAFF],
    ["/notifications", EVERYONE],
    ["/settings", EVERYONE],
    ["/customer", ["END_USER"]],
    ["/tickets", PARTNER],
    ["/tickets/new", PARTNER],
    ["/tickets/[id]", PARTNER, `/tickets/${ids.ticketId}`],
    ["/admin/tickets", ADMIN],
    ["/admin/tickets/[id]", ADMIN, `/admin/tickets/${ids.ticketId}`],
    ["/sms", STAFF],
    ["/statistics", EVERYONE, `/statistics?pbx=${ids.pbxId}&preset=last_month`],
    ["/numbers", EVERYONE],
    ["/numbers/orders/[id]", EVERYONE, `/numbers/orders/${ids.orderId}`],
    ["/pbxs/[id]/numbers/order", PARTNER, `/pbxs/${ids.pbxId}/numbers/order`],
    ["/admin/numbers", ADMIN],
    ["/admin/numbers/[id]", ADMIN, `/admin/numbers/${ids.numberId}`],
    ["/admin/numbers/import", ADMIN],
    ["/admin/numbers/imports/[id]", ADMIN, `/admin/numbers/imports/${ids.rangeImportId}`],
    ["/porting", PARTNER],
    ["/porting/new", PARTNER],
    ["/porting/[id]", PARTNER, `/porting/${ids.portingId}`],
    ["/admin/porting", ADMIN],
    ["/admin/porting/[id]", ADMIN, `/admin/porting/${ids.portingId}`],
    ["/emergency", EVERYONE],
    ["/admin/emergency", ADMIN],
    ["/admin/invoices", ADMIN],
    ["/admin/invoices/[id]", ADMIN, `/admin/invoices/${ids.invoiceId}`],
    ["/billing", PARTNER],
    ["/billing/invoices/[id]", PARTNER, `/billing/invoices/${ids.invoiceId}`],
    ["/billing/rebilling", PARTNER],
    ["/billing/resale-prices", PARTNER],
    ["/customer/month", ["END_USER"]],
  ];
  const home = new Set(["/", "/sign-in"]);
  return pages.map(([route, opens, url]) => ({
    route,
    url: url ?? route,
    opens,
    ...(home.has(route) ? { redirectsHome: true as const } : {}),
  }));
}

/** Every page.tsx under app/ with its route (route groups left out): what the sweep must list. */
export function appPages(dir = "app", route = ""): { route: string; file: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile())
      return entry.name === "page.tsx" ? [{ route: route || "/", file: path.join(dir, entry.name) }] : [];
    if (!entry.isDirectory()) return [];
    const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
    return appPages(path.join(dir, entry.name), route + segment);
  });
}

/**
 * The routes whose page reads its query string: only a page receives `searchParams` (its layouts and
 * the components it renders on the server do not), so a page that never names them answers every
 * query as it answers none, and the hostile sweep sends it only the queries that test Next's own parsing.
 */
export function routesReadingTheirQuery() {
  // A client component reading the query (useSearchParams) renders on the server too: then any page may.
  const sources = ["app", "components"].flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => path.join(dir, file)),
  );
  const clientReadsQuery = sources.some((file) => readFileSync(file, "utf8").includes("useSearchParams"));
  return new Set(
    appPages()
      .filter(({ file }) => clientReadsQuery || readFileSync(file, "utf8").includes("searchParams"))
      .map((p) => p.route),
  );
}

/** The admin's workbook uploads (POST): checked, then published as a new version. */
export const PRICE_LIST_UPLOADS = ["/api/admin/price-lists/GOLD/check", "/api/admin/price-lists/GOLD/publish"];

export function routeHandlers(ids: PageIds) {
  return [
    `/api/activations/${ids.draftId}/documents/${ids.documentId}`,
    `/api/activations/${ids.draftId}/documents/${ids.documentId}/template`,
    `/api/files/${ids.documentId}`,
    `/api/admin/required-documents/${ids.documentId}/template`,
    `/api/tickets/${ids.ticketId}/attachments`,
    `/api/tickets/${ids.ticketId}/support-attachments`,
    `/api/admin/cdr-imports/${ids.cdrImportId}`,
    `/api/admin/cdr-imports/${ids.cdrImportId}/refused`,
    "/api/admin/audit/export",
    "/api/statistics/figures/perDay",
    `/api/statistics/calls?pbx=${ids.pbxId}`,
    `/api/statistics/freshness?pbx=${ids.pbxId}`,
    "/api/statistics/calls/export",
    "/api/statistics/sms-users",
    "/api/numbers/export",
    "/api/pbxs/customers?q=a",
    "/api/pbxs/import",
    "/api/pbxs/import/template",
    `/api/pbxs/${ids.pbxId}/numbers`,
    "/api/porting",
    "/api/emergency/export",
    "/api/emergency/import",
    "/api/postcodes?country=DE&postcode=10115&city=M%C3%BCnchen",
    "/api/price-lists/GOLD/changes",
    "/api/price-lists/GOLD/pdf",
    `/api/invoices/${ids.invoiceId}/pdf`,
    `/api/invoices/${ids.invoiceId}/csv`,
    `/api/credit-notes/${ids.creditNoteId}/pdf`,
    "/api/admin/invoices/partners?q=a",
    "/api/admin/invoices/payments",
    `/api/billing/rebilling/${ids.customerId}?month=2026-11`,
    "/api/billing/rebilling/customers?q=a",
    // The partner API answers a session (no Bearer key) 401 problems, never a 5xx.
    "/api/v1/customers",
    "/api/v1/pbxs",
    `/api/v1/pbxs/${ids.pbxId}`,
    "/api/v1/pbxs?cursor=%%%&limit=0",
    "/api/v1/invoices?month=2026-13",
    `/api/v1/invoices/${ids.invoiceId}`,
    "/api/v1/openapi.json",
    "/api/health",
    "/api/ready",
    "/api/docs",
    "/api/docs/swagger-ui-bundle.js",
    "/api/docs/swagger-ui.css",
    "/api/docs/init.js",
    ...PRICE_LIST_UPLOADS,
  ];
}
