import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AGREEMENT_SUSPENDED_MESSAGE } from "@/lib/auth/policy";
import { refreshSessionToken } from "@/lib/auth/token";
import { startActivationRequest } from "@/lib/activations/start-request";
import { submitActivationRequest } from "@/lib/activations/submit-request";
import { uploadActivationDocument } from "@/lib/activations/upload-document";
import { holdBlocks } from "@/lib/numbers/holds";
import { orderNumbers } from "@/lib/numbers/order";
import { localDriver } from "@/lib/storage/local-driver";
import {
  makeActiveService,
  makeNumberPriceList,
  makeNumberRange,
  makePbx,
  makeTwoTenants,
  makeUser,
  actorOf,
  uniqueGermanPrefix,
} from "@/lib/testing/fixtures";
import { sampleFiles } from "@/lib/testing/sample-files";
import { createTestDatabase } from "@/lib/testing/test-database";
import { reinstateAgreement, suspendAgreement } from "./agreement";

// R9: a suspended agreement suspends the service; the partner reads but changes nothing; nothing
// charged is refunded. The actors are built as every request builds them (lib/auth/token.ts).
const { prisma } = await createTestDatabase();
const root = await mkdtemp(path.join(os.tmpdir(), "classound-agreement-"));
afterAll(() => rm(root, { recursive: true, force: true }));
const driver = localDriver(root);

const { a, b, admin } = await makeTwoTenants(prisma);
const now = new Date("2026-12-07T10:00:00Z");
const later = new Date("2026-12-15T10:00:00Z");

/** The actor a request of this user gets now: the partner's agreement read again from the database. */
async function sessionActor(actor: Actor): Promise<Actor> {
  const token = await refreshSessionToken(prisma, { actor, signedInAt: Date.now() });
  if (!token.actor) throw new Error("the session ended");
  return token.actor;
}

const prefix = uniqueGermanPrefix();
const order = (actor: Actor, at = now) =>
  orderNumbers(
    prisma,
    actor,
    {
      pbxId: a.pbx.id,
      countryCode: "DE",
      type: "GEOGRAPHIC",
      blockSize: 10,
      blockCount: 1,
      idempotencyKey: `key-${Math.random().toString(36).slice(2, 12)}`,
    },
    at,
  );
const serviceOf = (pbxId: string) => prisma.classoundService.findUniqueOrThrow({ where: { pbxId } });
const stored = async () => ({
  orders: await prisma.numberOrder.count({ where: { partnerId: a.partner.id } }),
  holds: await prisma.numberHold.count({ where: { partnerId: a.partner.id } }),
  assigned: await prisma.phoneNumber.count({ where: { e164: { startsWith: prefix }, status: "ASSIGNED" } }),
  requests: await prisma.activationRequest.count({ where: { partnerId: a.partner.id } }),
  files: await prisma.storedFile.count({ where: { partnerId: a.partner.id } }),
  charges: await prisma.serviceCharge.count({ where: { partnerId: a.partner.id } }),
});

let draft: { id: string; documentId: string };
let freshPbx: { id: string };
let endingPbx: { id: string };
let endedPbx: { id: string };

beforeAll(async () => {
  await prisma.requiredDocument.create({
    data: { countryCode: "DE", name: "Company registration extract", description: "Handelsregisterauszug" },
  });
  await makeNumberPriceList(prisma, a.partner.tierId, [
    { countryCode: "DE", type: "GEOGRAPHIC", setupFee: "5.00", monthlyFee: "1.20" },
  ]);
  await makeNumberRange(prisma, { countryCode: "DE", type: "GEOGRAPHIC", first: `${prefix}0000`, size: 100 });
  const service = await makeActiveService(prisma, a.pbx);
  await makeActiveService(prisma, b.pbx);
  // What was charged before the suspension stays charged.
  await prisma.serviceCharge.create({
    data: {
      partnerId: a.partner.id,
      serviceId: service.id,
      description: "Flat fee",
      amount: "49.50",
      currency: "EUR",
      periodStart: now,
      periodEnd: service.expiresAt,
    },
  });
  // A service whose term runs out while the agreement is suspended, and one that had already ended.
  endingPbx = await makePbx(prisma, a.customer.id);
  await prisma.classoundService.create({
    data: { pbxId: endingPbx.id, activatedAt: now, expiresAt: new Date("2026-12-10T00:00:00Z") },
  });
  endedPbx = await makePbx(prisma, a.customer.id);
  await prisma.classoundService.create({
    data: {
      pbxId: endedPbx.id,
      status: "SUSPENDED",
      activatedAt: now,
      expiresAt: new Date("2027-03-01Z"),
      endedAt: now,
    },
  });
  // A draft request opened while the agreement was active, and a PBX with none yet.
  const pbx = await makePbx(prisma, a.customer.id);
  const request = await startActivationRequest(prisma, a.partnerActor, pbx.id, now);
  const slot = await prisma.activationDocument.findFirstOrThrow({ where: { requestId: request.id } });
  draft = { id: request.id, documentId: slot.id };
  freshPbx = await makePbx(prisma, a.customer.id);
});

describe("suspending a partner's agreement (R9)", () => {
  it("suspends the agreement and the partner's active services, audited with the reason, charges untouched", async () => {
    const before = await stored();
    const result = await suspendAgreement(prisma, admin, {
      partnerId: a.partner.id,
      reason: "Invoices unpaid since October",
    });
    expect(result).toEqual({ servicesSuspended: 2 });
    expect((await prisma.partner.findUniqueOrThrow({ where: { id: a.partner.id } })).agreementStatus).toBe("SUSPENDED");
    expect((await serviceOf(a.pbx.id)).status).toBe("SUSPENDED");
    expect((await serviceOf(endingPbx.id)).status).toBe("SUSPENDED");
    expect((await serviceOf(b.pbx.id)).status).toBe("ACTIVE");
    expect(await stored()).toEqual(before);
    expect(
      await prisma.auditLog.findFirstOrThrow({
        where: { entityId: a.partner.id, action: "partner.agreement_suspended" },
      }),
    ).toMatchObject({
      actorId: admin.userId,
      detail: { reason: "Invoices unpaid since October", servicesSuspended: 2 },
    });
    // The partner's users are told, in the portal and by mail; the other partner's are not.
    const told = await prisma.notification.findMany({
      where: { title: "Your partner agreement with CLASSOUND is suspended" },
      select: { userId: true, body: true },
    });
    expect(told.map((n) => n.userId)).toContain(a.partnerActor.userId);
    expect(told.map((n) => n.userId)).not.toContain(b.partnerActor.userId);
    expect(told[0].body).toContain("Invoices unpaid since October");
    expect(
      await prisma.outboxEmail.count({
        where: { to: a.partnerActor.email, subject: "Your partner agreement with CLASSOUND is suspended" },
      }),
    ).toBe(1);
  });

  it("refuses the suspended partner's number orders, holds, activation requests and uploads with the clear message, storing nothing", async () => {
    const partner = await sessionActor(a.partnerActor);
    const endUser = await sessionActor(a.endUserActor);
    expect([partner.agreementSuspended, endUser.agreementSuspended]).toEqual([true, true]);
    const refused = { code: "FORBIDDEN", message: AGREEMENT_SUSPENDED_MESSAGE };
    const before = await stored();

    await expect(order(partner)).rejects.toMatchObject(refused);
    await expect(
      holdBlocks(
        prisma,
        partner,
        { pbxId: a.pbx.id, countryCode: "DE", type: "GEOGRAPHIC", blockSize: 10, blockCount: 1 },
        now,
      ),
    ).rejects.toMatchObject(refused);
    await expect(startActivationRequest(prisma, partner, freshPbx.id, now)).rejects.toMatchObject(refused);
    await expect(
      uploadActivationDocument(
        prisma,
        partner,
        { requestId: draft.id, documentId: draft.documentId, bytes: sampleFiles.pdf(), fileName: "extract.pdf" },
        driver,
      ),
    ).rejects.toMatchObject(refused);
    const { version } = await prisma.activationRequest.findUniqueOrThrow({ where: { id: draft.id } });
    await expect(submitActivationRequest(prisma, partner, draft.id, version, now)).rejects.toMatchObject(refused);

    expect(await stored()).toEqual(before);
    expect(await prisma.activationRequest.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: "DRAFT",
      version,
    });
    expect((await prisma.activationDocument.findUniqueOrThrow({ where: { id: draft.documentId } })).fileId).toBeNull();
  });

  it("leaves other partners as they are", async () => {
    expect((await sessionActor(b.partnerActor)).agreementSuspended).toBe(false);
  });

  it("is refused a second time, telling where the agreement stands", async () => {
    await expect(
      suspendAgreement(prisma, admin, { partnerId: a.partner.id, reason: "Again, by another admin" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already suspended") });
  });
});

describe("reinstating the agreement", () => {
  it("brings back the services whose term still runs, not the ended or expired ones, audited", async () => {
    const result = await reinstateAgreement(prisma, admin, { partnerId: a.partner.id, reason: "Paid in full" }, later);
    expect(result).toEqual({ servicesReinstated: 1 });
    expect((await serviceOf(a.pbx.id)).status).toBe("ACTIVE");
    expect((await serviceOf(endingPbx.id)).status).toBe("SUSPENDED");
    expect((await serviceOf(endedPbx.id)).status).toBe("SUSPENDED");
    expect(
      await prisma.auditLog.findFirstOrThrow({
        where: { entityId: a.partner.id, action: "partner.agreement_reinstated" },
      }),
    ).toMatchObject({ actorId: admin.userId, detail: { reason: "Paid in full", servicesReinstated: 1 } });
    expect(await prisma.serviceCharge.count({ where: { partnerId: a.partner.id } })).toBe(1);
  });

  it("lets the partner order, start a request and upload again", async () => {
    const partner = await sessionActor(a.partnerActor);
    expect(partner.agreementSuspended).toBe(false);
    const { result } = await order(partner, later);
    expect(result.blocks).toHaveLength(1);
    await expect(startActivationRequest(prisma, partner, freshPbx.id, later)).resolves.toMatchObject({
      status: "DRAFT",
    });
    await uploadActivationDocument(
      prisma,
      partner,
      { requestId: draft.id, documentId: draft.documentId, bytes: sampleFiles.pdf(), fileName: "extract.pdf" },
      driver,
    );
    expect(
      (await prisma.activationDocument.findUniqueOrThrow({ where: { id: draft.documentId } })).fileId,
    ).not.toBeNull();
  });

  it("refuses to reinstate an agreement that is active", async () => {
    await expect(
      reinstateAgreement(prisma, admin, { partnerId: a.partner.id, reason: "Paid in full" }, later),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("who may suspend or reinstate", () => {
  it("only the operator's admins: the partner's own admin, another partner and an end user are FORBIDDEN", async () => {
    const ownAdmin = actorOf(
      await prisma.user.update({
        where: { id: (await makeUser(prisma, "PARTNER", { partnerId: b.partner.id })).id },
        data: { isPartnerAdmin: true },
      }),
    );
    const input = { partnerId: b.partner.id, reason: "Not theirs to decide" };
    for (const actor of [ownAdmin, a.partnerActor, b.endUserActor]) {
      await expect(suspendAgreement(prisma, actor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(reinstateAgreement(prisma, actor, input, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await prisma.partner.findUniqueOrThrow({ where: { id: b.partner.id } })).agreementStatus).toBe("ACTIVE");
  });

  it("wants a reason, and answers NOT_FOUND for an id that names no partner", async () => {
    await expect(suspendAgreement(prisma, admin, { partnerId: b.partner.id, reason: " " })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { reason: [expect.any(String)] },
    });
    await expect(
      suspendAgreement(prisma, admin, { partnerId: "c000000000000000000000000", reason: "No such partner" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
