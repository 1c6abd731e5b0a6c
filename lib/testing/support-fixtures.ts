import { randomBytes, randomInt } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { makeActiveService, makeNumbers, makePbx, makeUser } from "./fixtures";

// Factories for the porting, emergency and ticket tests of the partner API (issue 34) and their
// authorization-matrix cases: each call makes fresh rows, so cases sharing one tenant never collide.
const unique = () => randomBytes(4).toString("hex");

interface Owner {
  partner: { id: string };
  customer: { id: string };
  partnerActor: { userId: string };
}

/** Valid Berlin numbers (E.164) no other test is likely to use. */
export const berlinNumbers = (count: number) =>
  Array.from({ length: count }, () => `+4930${randomInt(20_000_000, 99_999_999)}`);

/** A new PBX of the tenant's customer with CLASSOUND active: numbers can be ported in to it. */
export async function makePortablePbx(db: Db, owner: Owner) {
  const pbx = await makePbx(db, owner.customer.id);
  await makeActiveService(db, pbx);
  return pbx;
}

/** A port-in request as submitted, with its timeline's first line (without its letter of authorization). */
export async function makePortingRequest(db: Db, owner: Owner, pbxId: string, count = 2) {
  return db.portingRequest.create({
    data: {
      partnerId: owner.partner.id,
      pbxId,
      currentOperator: `Operator ${unique()}`,
      accountHolder: "Muster GmbH",
      requestedDate: new Date("2999-06-01T00:00:00Z"),
      createdById: owner.partnerActor.userId,
      numbers: { create: berlinNumbers(count).map((e164) => ({ e164, countryCode: "DE" })) },
      events: { create: { actorId: owner.partnerActor.userId, type: "submitted", message: "Asked to port." } },
    },
    include: { numbers: true },
  });
}

/** A German emergency site of the tenant's customer that the site form accepts. */
export async function makeSite(db: Db, owner: Owner) {
  return db.emergencyLocation.create({
    data: {
      partnerId: owner.partner.id,
      customerId: owner.customer.id,
      name: `Site ${unique()}`,
      street: "Invalidenstraße",
      houseNumber: "117",
      postcode: "10115",
      city: "Berlin",
      countryCode: "DE",
      updatedById: owner.partnerActor.userId,
    },
  });
}

/** German numbers on the PBX, each needing an emergency location (E112, no site yet). */
export const makeGermanNumbers = (db: Db, owner: Owner, pbxId: string, count = 1) =>
  makeNumbers(db, { partnerId: owner.partner.id, pbxId }, count, "DE");

/** An open ticket of the tenant with the partner's first message and support's answer. */
export async function makeTicket(db: Db, owner: Owner, pbxId: string | null = null) {
  const support = await makeUser(db, "ADMIN");
  return db.ticket.create({
    data: {
      partnerId: owner.partner.id,
      pbxId,
      customerId: pbxId ? owner.customer.id : null,
      category: "OTHER",
      subject: `Question ${unique()}`,
      status: "WAITING_FOR_PARTNER",
      createdById: owner.partnerActor.userId,
      messages: {
        create: [
          { authorId: owner.partnerActor.userId, body: "Can you help?", createdAt: new Date(Date.now() - 60_000) },
          { authorId: support.id, body: "Of course.", createdAt: new Date(Date.now() - 30_000) },
        ],
      },
    },
  });
}
