import type { TicketCategory } from "@/lib/db/generated/enums";
import { assertCallerIdAllowed } from "@/lib/emergency/gate";
import { AppError } from "@/lib/errors";
import type { Tx } from "./thread";

interface ResolvableTicket {
  id: string;
  category: TicketCategory;
  pbxId: string | null;
  customerId: string | null;
  callerName: string | null;
  senderName: string | null;
  countryCode: string | null;
  numbers: { phoneNumberId: string }[];
}

/**
 * What resolving a typed ticket changes in the portal's data, and the sentence that tells the
 * partner. Categories whose work happens outside the portal (blocking numbers, other) change nothing.
 */
export async function carryOutTicket(tx: Tx, ticket: ResolvableTicket, now: Date): Promise<string | null> {
  const numberIds = ticket.numbers.map((n) => n.phoneNumberId);
  switch (ticket.category) {
    case "EMERGENCY_SERVICE": {
      // R13: until now the PBX's emergency calls were answered 503.
      const { count } = await tx.classoundService.updateMany({
        where: { pbxId: ticket.pbxId ?? undefined, emergencyConfiguredAt: null },
        data: { emergencyConfiguredAt: now },
      });
      if (!ticket.pbxId || count === 0)
        throw new AppError("CONFLICT", "This PBX has no CLASSOUND service waiting for emergency configuration.");
      return "Emergency service is now configured on the PBX.";
    }
    case "CNAM": {
      await tx.phoneNumber.updateMany({
        where: { id: { in: numberIds }, pbxId: ticket.pbxId },
        data: { cnam: ticket.callerName },
      });
      return `The caller name "${ticket.callerName}" is set on ${numberIds.length} number${numberIds.length === 1 ? "" : "s"}.`;
    }
    case "DEFAULT_CALLER_NUMBER": {
      // R11: the default caller number must still be a number of this PBX.
      const number = await tx.phoneNumber.findFirst({
        where: { id: numberIds[0], pbxId: ticket.pbxId },
        select: { e164: true },
      });
      if (!number) throw new AppError("CONFLICT", "The number asked for no longer belongs to this PBX.");
      // R13: checked again here, as the location may have been sent back since the ticket was opened.
      await assertCallerIdAllowed(tx, numberIds[0]!);
      const { count } = await tx.classoundService.updateMany({
        where: { pbxId: ticket.pbxId ?? undefined },
        data: { defaultCallerNumberId: numberIds[0] },
      });
      if (count === 0) throw new AppError("CONFLICT", "CLASSOUND is not active on this PBX.");
      return `${number.e164} is now the default caller number.`;
    }
    case "SENDER_ID_REGISTRATION": {
      if (!ticket.customerId || !ticket.countryCode || !ticket.senderName)
        throw new AppError("CONFLICT", "This ticket names no customer, country or sender name.");
      await tx.senderIdRegistration.upsert({
        where: {
          customerId_countryCode_senderName: {
            customerId: ticket.customerId,
            countryCode: ticket.countryCode,
            senderName: ticket.senderName,
          },
        },
        update: {},
        create: {
          customerId: ticket.customerId,
          countryCode: ticket.countryCode,
          senderName: ticket.senderName,
          ticketId: ticket.id,
          registeredAt: now,
        },
      });
      return `The sender ID "${ticket.senderName}" is registered for ${ticket.countryCode}.`;
    }
    case "NUMBER_BLOCKING":
    case "OTHER":
      return null;
  }
}
