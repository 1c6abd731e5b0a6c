import type { Actor } from "@/lib/auth/actor";
import { assertCanChange, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { notifyAdmins } from "@/lib/notifications/notify";
import { storeFileWith } from "@/lib/storage";
import type { StorageDriver } from "@/lib/storage/driver";
import { portingPath } from "./load";
import { ZSubmitPorting } from "./schemas";
import { recordPortingEvent } from "./transition";
import { OPEN_PORTING_STATUSES } from "./transitions";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const invalid = (field: string, message: string) => new AppError("INVALID", message, { [field]: [message] });

/**
 * A partner asks for numbers to be ported in to one of its PBXs (R10), with the signed letter of
 * authorization: the file is checked and stored like an activation document, and the request, its
 * numbers and the file commit together or not at all.
 */
export async function submitPortingRequest(
  db: Db,
  actor: Actor,
  input: unknown,
  loa: { bytes: Uint8Array; fileName: string },
  driver?: StorageDriver,
) {
  assertCanChange(actor, "porting.request");
  const parsed = parseOrThrow(ZSubmitPorting, input);
  const pbx = await db.pbx.findFirst({
    where: { AND: [scope.pbxs(actor), { id: parsed.pbxId }] },
    select: { id: true, name: true, customer: { select: { partnerId: true } }, service: { select: { status: true } } },
  });
  // Another partner's PBX is NOT_FOUND like a missing one, beside the field (the API answers 404).
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.", { pbxId: ["This PBX does not exist."] });
  if (pbx.service?.status !== "ACTIVE")
    throw invalid("pbxId", "CLASSOUND is not active on this PBX: numbers can be ported in once it is.");
  const countryCode = parsed.numbers[0].countryCode;
  if (!(await db.country.findUnique({ where: { code: countryCode }, select: { code: true } })))
    throw invalid("numbers", `CLASSOUND does not offer numbers in ${countryCode}, so they cannot be ported in.`);
  const partnerId = pbx.customer.partnerId;
  const e164s = parsed.numbers.map((n) => n.e164);
  return storeFileWith(
    db,
    { ...loa, partnerId, uploadedById: actor.userId },
    async (tx, file) => {
      await assertNumbersFree(tx, partnerId, e164s);
      const request = await tx.portingRequest.create({
        data: {
          partnerId,
          pbxId: pbx.id,
          currentOperator: parsed.currentOperator,
          accountHolder: parsed.accountHolder,
          requestedDate: new Date(`${parsed.requestedDate}T00:00:00Z`),
          loaFileId: file.id,
          createdById: actor.userId,
          numbers: { create: parsed.numbers.map((n) => ({ e164: n.e164, countryCode: n.countryCode })) },
        },
      });
      const count = `${e164s.length} number${e164s.length === 1 ? "" : "s"}`;
      await recordPortingEvent(
        tx,
        request.id,
        actor.userId,
        "submitted",
        `${actor.name} asked to port ${count} from ${parsed.currentOperator}.`,
      );
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "porting.submitted",
        entityType: "PortingRequest",
        entityId: request.id,
        detail: { numbers: e164s, loaFileId: file.id, sha256: file.sha256 },
      });
      await notifyAdmins(tx, {
        title: "New port-in request",
        body: `${count} from ${parsed.currentOperator} to PBX ${pbx.name}, requested for ${parsed.requestedDate}.`,
        event: "porting",
        link: portingPath(request.id, "admin"),
      });
      return request;
    },
    driver,
  );
}

/**
 * Refuses numbers CLASSOUND already holds, or that another open request is porting. The advisory
 * locks (taken in one order) make two requests for the same number queue up instead of both passing
 * the check under READ COMMITTED.
 *
 * Only the partner's own numbers are named with the reason (its CLASSOUND numbers, its other open
 * requests). Any other number — another partner's, CLASSOUND's own stock, or in another partner's
 * open request — gets one answer that tells neither whose it is nor why.
 */
async function assertNumbersFree(tx: Tx, partnerId: string, e164s: string[]) {
  for (const e164 of [...e164s].sort())
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`porting:${e164}`}, 0))`;
  const [owned, porting] = await Promise.all([
    tx.phoneNumber.findMany({
      where: { e164: { in: e164s } },
      select: { e164: true, partnerId: true, pbx: { select: { customer: { select: { partnerId: true } } } } },
    }),
    tx.portingRequestNumber.findMany({
      where: { e164: { in: e164s }, request: { status: { in: [...OPEN_PORTING_STATUSES] } } },
      select: { e164: true, request: { select: { partnerId: true } } },
    }),
  ]);
  const ownNumbers = new Set(
    owned.filter((n) => n.partnerId === partnerId || n.pbx?.customer.partnerId === partnerId).map((n) => n.e164),
  );
  const ownPorting = new Set(porting.filter((n) => n.request.partnerId === partnerId).map((n) => n.e164));
  const taken = new Set([...owned, ...porting].map((n) => n.e164));
  /** In the order the partner gave them. */
  const list = (numbers: string[]) => e164s.filter((e164) => numbers.includes(e164)).join(", ");
  const messages: string[] = [];
  if (ownNumbers.size)
    messages.push(`Already CLASSOUND numbers, so there is nothing to port: ${list([...ownNumbers])}.`);
  const ownOpen = [...ownPorting].filter((e164) => !ownNumbers.has(e164));
  if (ownOpen.length) messages.push(`Already in another open porting request: ${list(ownOpen)}.`);
  const others = [...taken].filter((e164) => !ownNumbers.has(e164) && !ownPorting.has(e164));
  if (others.length) messages.push(`${list(others)} cannot be ported in now.`);
  if (messages.length) throw new AppError("INVALID", messages.join(" "), { numbers: messages });
}
