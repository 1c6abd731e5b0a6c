import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { assertCallerIdAllowed } from "@/lib/emergency/gate";
import { AppError, parseOrThrow } from "@/lib/errors";
import { notifyAdmins } from "@/lib/notifications/notify";
import { acceptedNumberIds } from "@/lib/numbers/picker";
import { checkSenderName } from "@/lib/sms/sender-name";
import { CNAM_COUNTRIES, TICKET_CATEGORY_LABEL } from "./categories";
import { ticketPath } from "./load";
import { ZOpenTicket, type TOpenTicket } from "./schemas";
import type { Tx } from "./thread";

const invalid = (field: string, message: string) => new AppError("INVALID", message, { [field]: [message] });

/**
 * Opens a typed support ticket (R17): the one call every flow uses (the PBX page, numbers, emergency
 * service, SMS sender IDs). The PBX and numbers must be the actor's; what a category needs is checked
 * here, so support never receives a request it cannot carry out.
 */
export async function openTicket(db: Db, actor: Actor, input: TOpenTicket) {
  assertCan(actor, "tickets.use");
  const parsed = parseOrThrow(ZOpenTicket, input);
  return db.$transaction(async (tx) => {
    const pbx = parsed.pbxId ? await loadOwnPbx(tx, actor, parsed.pbxId) : null;
    const matching =
      parsed.numbersMatching && pbx
        ? await acceptedNumberIds(tx, actor, {
            pbxId: pbx.id,
            q: parsed.numbersMatching.q,
            purpose: parsed.category === "CNAM" ? "cnam" : "any",
          })
        : [];
    if (parsed.numbersMatching && !matching.length)
      throw invalid("numberIds", "No number of this PBX matches the search.");
    const numberIds = [...new Set([...parsed.numberIds, ...matching])];
    const numbers = await loadOwnNumbers(tx, actor, numberIds, pbx?.id ?? null);
    if (parsed.category === "EMERGENCY_SERVICE") {
      if (!pbx?.service)
        throw invalid("pbxId", "CLASSOUND is not active on this PBX: emergency service is configured once it is.");
      if (pbx.service.emergencyConfiguredAt)
        throw invalid("pbxId", "Emergency service is already configured on this PBX.");
    }
    // R11 + R13: support is not asked for a default caller number the gate would refuse.
    if (parsed.category === "DEFAULT_CALLER_NUMBER" && numbers[0]) await assertCallerIdAllowed(tx, numbers[0].id);
    if (parsed.category === "CNAM" && numbers.some((n) => !CNAM_COUNTRIES.includes(n.countryCode))) {
      throw invalid("numberIds", "A caller name (CNAM) can be set only on US and Canadian numbers.");
    }
    const senderName =
      parsed.category === "SENDER_ID_REGISTRATION" ? checkSenderName(parsed.senderName ?? "").sent : null;
    if (parsed.category === "SENDER_ID_REGISTRATION") {
      const country = await tx.country.findUnique({
        where: { code: parsed.countryCode! },
        select: { senderIdRegistration: true },
      });
      if (!country?.senderIdRegistration)
        throw invalid("countryCode", "This country does not require sender-ID registration.");
    }
    const partnerId = pbx?.customer.partnerId ?? actor.partnerId!;
    const ticket = await tx.ticket.create({
      data: {
        partnerId,
        customerId: pbx?.customerId ?? null,
        pbxId: pbx?.id ?? null,
        category: parsed.category,
        subject: parsed.subject,
        callerName: parsed.category === "CNAM" ? parsed.callerName : null,
        senderName,
        countryCode: parsed.category === "SENDER_ID_REGISTRATION" ? parsed.countryCode : null,
        createdById: actor.userId,
        numbers: { create: numbers.map((n) => ({ phoneNumberId: n.id })) },
        messages: { create: { authorId: actor.userId, body: parsed.message } },
      },
    });
    if (parsed.category === "SENDER_ID_REGISTRATION" && pbx)
      await attachComplianceProfile(tx, actor, ticket.id, pbx.customerId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "ticket.opened",
      entityType: "Ticket",
      entityId: ticket.id,
      detail: {
        category: ticket.category,
        pbxId: ticket.pbxId,
        ...(parsed.numbersMatching
          ? { numbersMatching: parsed.numbersMatching.q ?? "", numberCount: numberIds.length }
          : { numberIds }),
      },
    });
    await notifyAdmins(tx, {
      title: `New ticket: ${TICKET_CATEGORY_LABEL[ticket.category]}`,
      body: `${ticket.subject}${pbx ? ` (PBX ${pbx.name})` : ""}`,
      event: "tickets",
      link: ticketPath(ticket.id, "support"),
    });
    return ticket;
  });
}

async function loadOwnPbx(tx: Tx, actor: Actor, pbxId: string) {
  const pbx = await tx.pbx.findFirst({
    where: { AND: [scope.pbxs(actor), { id: pbxId }] },
    select: {
      id: true,
      name: true,
      customerId: true,
      customer: { select: { partnerId: true } },
      service: { select: { emergencyConfiguredAt: true } },
    },
  });
  // Another partner's PBX is NOT_FOUND like a missing one, beside the field (the API answers 404).
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.", { pbxId: ["This PBX does not exist."] });
  return pbx;
}

async function loadOwnNumbers(tx: Tx, actor: Actor, numberIds: string[], pbxId: string | null) {
  if (!numberIds.length) return [];
  if (!pbxId) throw invalid("numberIds", "Choose the PBX these numbers belong to.");
  const numbers = await tx.phoneNumber.findMany({
    where: { AND: [scope.phoneNumbers(actor), { id: { in: numberIds }, pbxId }] },
    select: { id: true, countryCode: true },
  });
  if (numbers.length !== numberIds.length) throw invalid("numberIds", "A chosen number is not a number of this PBX.");
  return numbers;
}

/**
 * A sender-ID registration needs the customer's company documents: the ones on its compliance
 * profile (accepted at activation, still valid) go with the request, as the activation flow reuses them.
 */
async function attachComplianceProfile(tx: Tx, actor: Actor, ticketId: string, customerId: string, now = new Date()) {
  const documents = await tx.complianceDocument.findMany({
    where: { customerId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: { fileId: true, requiredDocument: { select: { name: true } } },
    orderBy: { requiredDocument: { name: "asc" } },
  });
  for (const document of documents) {
    await tx.ticketMessage.create({
      data: {
        ticketId,
        authorId: actor.userId,
        kind: "MESSAGE",
        body: `From the customer's compliance profile: ${document.requiredDocument.name}.`,
        fileId: document.fileId,
      },
    });
  }
  return documents.length;
}
