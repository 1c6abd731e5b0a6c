import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { containsText } from "@/lib/db/contains-text";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { ZId } from "@/lib/http/ids";
import { registerPbx } from "@/lib/pbx/register";
import { dayOf, LEVEL_TYPE, LICENCE_LEVELS, LICENCE_PLANS, LICENSINGS, ZRegisterPbx } from "@/lib/pbx/schemas";
import { afterCreated, createdKey, pageFrom, pageOf, pageQuery, ZCreatedCursor } from "../cursor";
import { defineEndpoint } from "../endpoint";

const ZApiPbx = z.object({
  id: z.string(),
  serial: z.string(),
  name: z.string(),
  customerId: z.string(),
  licensing: z.enum(LICENSINGS),
  licensePlan: z.enum(LICENCE_PLANS),
  termStart: z.iso.date(),
  termExpiry: z.iso.date().nullable().describe("Null for a lifetime licence."),
  softwareVersion: z.string(),
  users: z.object(
    Object.fromEntries(LICENCE_LEVELS.map((level) => [level, z.number().int()])) as {
      [K in (typeof LICENCE_LEVELS)[number]]: z.ZodNumber;
    },
  ),
  serviceStatus: z.string().nullable().describe("The CLASSOUND service's status; null when never ordered."),
  createdAt: z.iso.datetime(),
});

const ZPbxParams = z.object({ id: ZId });

export const listPbxsEndpoint = defineEndpoint({
  method: "GET",
  path: "/pbxs",
  tag: "PBXs",
  summary: "List PBXs",
  description: "The partner's PBXs, oldest first, a page at a time.",
  scope: "pbxs:read",
  query: pageQuery(ZCreatedCursor).extend({
    customerId: ZId.optional().describe("Only this customer's PBXs."),
    q: z.string().trim().min(1).max(100).optional().describe("Part of the serial or the name."),
  }),
  response: pageOf(ZApiPbx),
});

export const getPbxEndpoint = defineEndpoint({
  method: "GET",
  path: "/pbxs/{id}",
  tag: "PBXs",
  summary: "Read a PBX",
  scope: "pbxs:read",
  params: ZPbxParams,
  response: ZApiPbx,
});

export const registerPbxEndpoint = defineEndpoint({
  method: "POST",
  path: "/pbxs",
  tag: "PBXs",
  summary: "Register a PBX",
  description: "For one of the partner's customers, not archived; the serial must be new (409 otherwise).",
  scope: "pbxs:write",
  body: ZRegisterPbx,
  response: ZApiPbx,
  status: 201,
});

const SELECT = {
  id: true,
  serial: true,
  name: true,
  customerId: true,
  licensing: true,
  licensePlan: true,
  termStart: true,
  termExpiry: true,
  softwareVersion: true,
  createdAt: true,
  licenses: { select: { type: true, quantity: true } },
  service: { select: { status: true } },
} satisfies Prisma.PbxSelect;

function toApiPbx(pbx: Prisma.PbxGetPayload<{ select: typeof SELECT }>): z.output<typeof ZApiPbx> {
  const { licenses, service, ...rest } = pbx;
  const quantityOf = (level: (typeof LICENCE_LEVELS)[number]) =>
    licenses.filter((l) => l.type === LEVEL_TYPE[level]).reduce((sum, l) => sum + l.quantity, 0);
  return {
    ...rest,
    termStart: dayOf(pbx.termStart),
    termExpiry: pbx.termExpiry && dayOf(pbx.termExpiry),
    users: Object.fromEntries(LICENCE_LEVELS.map((level) => [level, quantityOf(level)])) as z.output<
      typeof ZApiPbx
    >["users"],
    serviceStatus: service?.status ?? null,
    createdAt: pbx.createdAt.toISOString(),
  };
}

/** The PBXs the actor may see (the PBX list's permission and tenant scope) meeting `where`. */
async function pbxRows(db: Db, actor: Actor, where: Prisma.PbxWhereInput[], take: number) {
  assertCan(actor, "pbx.view");
  return db.pbx.findMany({
    where: { AND: [scope.pbxs(actor), ...where] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take,
    select: SELECT,
  });
}

export async function pbxsPage(db: Db, actor: Actor, query: z.output<NonNullable<typeof listPbxsEndpoint.query>>) {
  const where: Prisma.PbxWhereInput[] = [afterCreated(query.cursor)];
  if (query.customerId) where.push({ customerId: query.customerId });
  if (query.q) where.push({ OR: [{ serial: containsText(query.q) }, { name: containsText(query.q) }] });
  const page = pageFrom(await pbxRows(db, actor, where, query.limit + 1), query.limit, createdKey);
  return { next: page.next, data: page.data.map(toApiPbx) };
}

/** One PBX the actor may see; another tenant's is NOT_FOUND like a missing one. */
export async function apiPbx(db: Db, actor: Actor, id: string) {
  const [pbx] = await pbxRows(db, actor, [{ id }], 1);
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");
  return toApiPbx(pbx);
}

/** Registers through the portal's own function (same checks, audit and transaction), then reads it back. */
export async function registerApiPbx(db: Db, actor: Actor, body: unknown, now: Date) {
  const created = await registerPbx(db, actor, body, now);
  return apiPbx(db, actor, created.id);
}
