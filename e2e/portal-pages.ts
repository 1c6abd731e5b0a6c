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
import { openTicket } from "@/lib/tickets/open-ticket";
import { hashToken, PASSWORD_LINK_VALID_MS } from "@/lib/users/password-links";

/**
 * Ids of real rows of a tenant of the sweep's own, so every dynamic page is visited on something it
 * shows: an activation draft the partner starts through the portal (the workflow's functions reach
 * Next.js's `after()`, which plain Node cannot import), a ticket, a number order, a ranges import, a
 * CDR import and a set-password link made with the domain functions or the seed's factories, and any
 * submitted request for the admin's review page (read-only use of the demo's).
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

  return {
    draftId,
    documentId: document?.id ?? draftId,
    reviewId: submitted?.id ?? draftId,
    pbxId: tenant.pbx.id,
    orderId: order.result.orderId,
    numberId: number?.id ?? draftId,
    ticketId: ticket.id,
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
}

/** Every page of the portal; each role visits all of them (those it may not open must answer 403, not fail). */
export function portalPages(ids: PageIds): PortalPage[] {
  const pages: [route: string, url?: string][] = [
    ["/"],
    ["/sign-in"],
    ["/set-password/[token]", `/set-password/${ids.passwordToken}`],
    ["/forgot-password"],
    ["/two-factor"],
    ["/account"],
    ["/users"],
    ["/admin"],
    ["/admin/activations"],
    ["/admin/activations/[id]", `/admin/activations/${ids.reviewId}`],
    ["/admin/countries"],
    ["/admin/countries/[code]", "/admin/countries/DE"],
    ["/admin/price-lists"],
    ["/admin/outbox"],
    ["/admin/jobs"],
    ["/admin/rating"],
    ["/admin/cdr-imports"],
    ["/admin/cdr-imports/[id]", `/admin/cdr-imports/${ids.cdrImportId}`],
    ["/admin/audit"],
    ["/partner"],
    ["/activations"],
    ["/activations/[id]", `/activations/${ids.draftId}`],
    ["/customers"],
    ["/pbxs"],
    ["/pbxs/[id]", `/pbxs/${ids.pbxId}`],
    ["/pbxs/[id]/numbers", `/pbxs/${ids.pbxId}/numbers`],
    ["/pbxs/[id]/emergency", `/pbxs/${ids.pbxId}/emergency`],
    ["/pbxs/[id]/usage", `/pbxs/${ids.pbxId}/usage`],
    ["/pbxs/[id]/support", `/pbxs/${ids.pbxId}/support`],
    ["/pbxs/[id]/sms", `/pbxs/${ids.pbxId}/sms`],
    ["/pbxs/[id]/api-keys", `/pbxs/${ids.pbxId}/api-keys`],
    ["/price-list"],
    ["/price-list/changes"],
    ["/notifications"],
    ["/settings"],
    ["/customer"],
    ["/tickets"],
    ["/tickets/new"],
    ["/tickets/[id]", `/tickets/${ids.ticketId}`],
    ["/admin/tickets"],
    ["/admin/tickets/[id]", `/admin/tickets/${ids.ticketId}`],
    ["/sms"],
    ["/statistics", `/statistics?pbx=${ids.pbxId}&preset=last_month`],
    ["/numbers"],
    ["/numbers/orders/[id]", `/numbers/orders/${ids.orderId}`],
    ["/pbxs/[id]/numbers/order", `/pbxs/${ids.pbxId}/numbers/order`],
    ["/admin/numbers"],
    ["/admin/numbers/[id]", `/admin/numbers/${ids.numberId}`],
    ["/admin/numbers/import"],
    ["/admin/numbers/imports/[id]", `/admin/numbers/imports/${ids.rangeImportId}`],
    ["/porting"],
    ["/porting/new"],
    ["/porting/[id]", `/porting/${ids.draftId}`],
    ["/admin/porting"],
    ["/admin/porting/[id]", `/admin/porting/${ids.draftId}`],
    ["/emergency"],
    ["/admin/emergency"],
  ];
  return pages.map(([route, url]) => ({ route, url: url ?? route }));
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
    "/api/statistics/calls/export",
    "/api/statistics/sms-users",
    "/api/numbers/export",
    `/api/pbxs/${ids.pbxId}/numbers`,
    "/api/porting",
    "/api/emergency/export",
    "/api/emergency/import",
    "/api/postcodes?country=DE&postcode=10115&city=M%C3%BCnchen",
    "/api/price-lists/GOLD/changes",
    "/api/price-lists/GOLD/pdf",
    ...PRICE_LIST_UPLOADS,
  ];
}
