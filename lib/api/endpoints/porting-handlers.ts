import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCanAny, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { requestMailDelivery } from "@/lib/jobs/enqueue";
import { dayOf } from "@/lib/pbx/schemas";
import { cancelPortingRequest } from "@/lib/porting/handle";
import { PORTING_READERS } from "@/lib/porting/load";
import { portingRequestDetail } from "@/lib/porting/queries";
import { submitPortingRequest } from "@/lib/porting/submit";
import { afterCreated, createdKey, pageFrom } from "../cursor";
import { besideFileField } from "./file-refusal";
import { personOf } from "./people";
import type {
  cancelPortingRequestEndpoint,
  listPortingRequestsEndpoint,
  submitPortingRequestEndpoint,
  ZApiPortingRequest,
  ZApiPortingRequestDetail,
} from "./porting";

const SELECT = {
  id: true,
  status: true,
  pbxId: true,
  currentOperator: true,
  accountHolder: true,
  requestedDate: true,
  portingAt: true,
  rejectionReason: true,
  completedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  numbers: { orderBy: { e164: "asc" }, select: { e164: true, countryCode: true, phoneNumberId: true } },
} satisfies Prisma.PortingRequestSelect;

/** Field by field: the detail's row carries more (the partner, the PBX, events with BigInt ids). */
function toApiRequest(row: Prisma.PortingRequestGetPayload<{ select: typeof SELECT }>) {
  return {
    id: row.id,
    status: row.status,
    pbxId: row.pbxId,
    currentOperator: row.currentOperator,
    accountHolder: row.accountHolder,
    rejectionReason: row.rejectionReason,
    version: row.version,
    requestedDate: row.requestedDate && dayOf(row.requestedDate),
    portingAt: row.portingAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    numbers: row.numbers.map(({ e164, countryCode, phoneNumberId }) => ({ e164, countryCode, phoneNumberId })),
  } satisfies z.output<typeof ZApiPortingRequest>;
}

export async function portingRequestsPage(
  db: Db,
  actor: Actor,
  query: z.output<NonNullable<typeof listPortingRequestsEndpoint.query>>,
) {
  assertCanAny(actor, PORTING_READERS);
  // The scope and the filters are separate conditions: a filter narrows the scope, never replaces it.
  const where: Prisma.PortingRequestWhereInput[] = [scope.portingRequests(actor), afterCreated(query.cursor)];
  if (query.status) where.push({ status: query.status });
  if (query.pbxId) where.push({ pbxId: query.pbxId });
  const rows = await db.portingRequest.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: SELECT,
  });
  const page = pageFrom(rows, query.limit, createdKey);
  return { next: page.next, data: page.data.map(toApiRequest) };
}

/** The request's page as data, from the portal's own query (NOT_FOUND for another partner's). */
export async function apiPortingRequest(
  db: Db,
  actor: Actor,
  id: string,
): Promise<z.output<typeof ZApiPortingRequestDetail>> {
  const { request, eventActors } = await portingRequestDetail(db, actor, id);
  return {
    ...toApiRequest(request),
    loa: request.loaFile,
    history: request.events.map((event) => ({
      at: event.createdAt.toISOString(),
      type: event.type,
      message: event.message,
      by: personOf(event.actorId ? eventActors[event.actorId] : undefined),
    })),
  };
}

/** Through the portal's own function (its checks, the file's and the request's one transaction). */
export async function submitApiPortingRequest(
  db: Db,
  actor: Actor,
  body: z.output<NonNullable<typeof submitPortingRequestEndpoint.body>>,
) {
  const { loa, ...fields } = body;
  const file = { bytes: new Uint8Array(await loa.arrayBuffer()), fileName: loa.name };
  // The fields go in as the form sends them: the portal's function parses them itself.
  const input = { ...fields, numbers: fields.numbers.map((n) => n.e164).join("\n") };
  const created = await submitPortingRequest(db, actor, input, file).catch(besideFileField("loa"));
  await requestMailDelivery();
  return apiPortingRequest(db, actor, created.id);
}

export async function cancelApiPortingRequest(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<NonNullable<typeof cancelPortingRequestEndpoint.body>>,
) {
  await cancelPortingRequest(db, actor, { requestId: id, version: body.version });
  return apiPortingRequest(db, actor, id);
}
