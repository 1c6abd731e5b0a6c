import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadReadableFile } from "@/lib/storage/file-access";
import { localDriver } from "@/lib/storage/local-driver";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { sampleFiles } from "@/lib/testing/sample-files";
import { createTestDatabase } from "@/lib/testing/test-database";
import { completePortingRequest } from "./complete";
import { cancelPortingRequest, rejectPortingRequest, schedulePortingRequest, startPortingRequest } from "./handle";
import { loadPortingRequest } from "./load";
import { listPortingRequests, pbxPortingOverview, portingRequestDetail } from "./queries";
import { submitPortingRequest } from "./submit";

const { prisma } = await createTestDatabase();
const root = await mkdtemp(path.join(os.tmpdir(), "classound-porting-"));
afterAll(() => rm(root, { recursive: true, force: true }));
const driver = localDriver(root);
const { a, b, admin } = await makeTwoTenants(prisma);
for (const tenant of [a, b]) {
  await prisma.classoundService.create({
    data: { pbxId: tenant.pbx.id, activatedAt: new Date(), expiresAt: new Date("2027-05-01") },
  });
}

let next = 10_000;
/** Distinct valid Berlin numbers for each test. */
const berlin = (count: number) =>
  Array.from({ length: count }, () => `+49301234${String(next++).padStart(5, "0").slice(-4)}`);
const loa = () => ({ bytes: sampleFiles.pdf("LOA"), fileName: "loa.pdf" });
const FUTURE = "2999-06-01";

function submit(actor: Actor, pbxId: string, numbers: string[], overrides: Record<string, unknown> = {}) {
  return submitPortingRequest(
    prisma,
    actor,
    {
      pbxId,
      numbers: numbers.join("\n"),
      currentOperator: "Deutsche Telekom",
      accountHolder: "Muster GmbH",
      requestedDate: FUTURE,
      ...overrides,
    },
    loa(),
    driver,
  );
}

async function versionOf(requestId: string) {
  return (await prisma.portingRequest.findUniqueOrThrow({ where: { id: requestId } })).version;
}

async function scheduled(numbers = berlin(2)) {
  const request = await submit(a.partnerActor, a.pbx.id, numbers);
  await startPortingRequest(prisma, admin, { requestId: request.id, version: 0 });
  await schedulePortingRequest(prisma, admin, { requestId: request.id, version: 1, portingAt: "2999-06-02T06:00" });
  return { request, numbers };
}

describe("submitting a port-in (R10)", () => {
  it("stores the numbers as rows, the LOA as the partner's file, a timeline line, an audit entry, and tells the admins", async () => {
    const numbers = berlin(3);
    const request = await submit(a.partnerActor, a.pbx.id, numbers);
    const { request: detail } = await portingRequestDetail(prisma, a.partnerActor, request.id);
    expect(detail).toMatchObject({
      status: "SUBMITTED",
      partnerId: a.partner.id,
      pbxId: a.pbx.id,
      currentOperator: "Deutsche Telekom",
      accountHolder: "Muster GmbH",
    });
    expect(detail.numbers.map((n) => [n.e164, n.countryCode, n.phoneNumberId])).toEqual(
      numbers.map((n) => [n, "DE", null]),
    );
    expect(detail.loaFile?.fileName).toBe("loa.pdf");
    expect(await prisma.storedFile.findUniqueOrThrow({ where: { id: detail.loaFileId! } })).toMatchObject({
      partnerId: a.partner.id,
      contentType: "application/pdf",
    });
    expect(detail.events.map((e) => e.type)).toEqual(["submitted"]);
    expect(await prisma.auditLog.count({ where: { entityId: request.id, action: "porting.submitted" } })).toBe(1);
    expect(
      await prisma.notification.count({ where: { userId: admin.userId, link: `/admin/porting/${request.id}` } }),
    ).toBe(1);
  });

  it("refuses a PBX without active CLASSOUND, naming the field", async () => {
    await prisma.classoundService.update({ where: { pbxId: b.pbx.id }, data: { status: "SUSPENDED" } });
    try {
      await expect(submit(b.partnerActor, b.pbx.id, berlin(1))).rejects.toMatchObject({
        code: "INVALID",
        fieldErrors: { pbxId: [expect.stringMatching(/not active/)] },
      });
    } finally {
      await prisma.classoundService.update({ where: { pbxId: b.pbx.id }, data: { status: "ACTIVE" } });
    }
  });

  it("refuses numbers CLASSOUND already has, or that another open request ports, and stores no file then", async () => {
    const [owned, free] = berlin(2);
    await prisma.phoneNumber.create({ data: { e164: owned, countryCode: "DE", type: "GEOGRAPHIC" } });
    const files = await prisma.storedFile.count();
    await expect(submit(a.partnerActor, a.pbx.id, [owned, free])).rejects.toMatchObject({
      fieldErrors: { numbers: [expect.stringContaining(owned)] },
    });
    await submit(a.partnerActor, a.pbx.id, [free]);
    await expect(submit(b.partnerActor, b.pbx.id, [free])).rejects.toMatchObject({
      fieldErrors: { numbers: [`${free} cannot be ported in now.`] },
    });
    expect(await prisma.storedFile.count()).toBe(files + 1);
  });

  it("names the reason only for the partner's own numbers, and tells another partner just that they cannot be ported in now", async () => {
    const [pending, owned] = berlin(2);
    await submit(a.partnerActor, a.pbx.id, [pending]);
    await prisma.phoneNumber.create({
      data: {
        e164: owned,
        countryCode: "DE",
        type: "GEOGRAPHIC",
        status: "ASSIGNED",
        partnerId: a.partner.id,
        pbxId: a.pbx.id,
        assignedAt: new Date(),
      },
    });
    const refusal = async (actor: Actor, pbxId: string, numbers: string[]) => {
      const error = await submit(actor, pbxId, numbers).then(
        () => expect.fail("the request should have been refused"),
        (e: unknown) => e as { code: string; message: string; fieldErrors: { numbers: string[] } },
      );
      expect(error.code).toBe("INVALID");
      return { message: error.message, numbers: error.fieldErrors.numbers };
    };

    // Partner B: one answer, whether the number is in A's open request or already one of A's numbers.
    for (const numbers of [[pending], [owned], [pending, owned]]) {
      const { message, numbers: messages } = await refusal(b.partnerActor, b.pbx.id, numbers);
      const text = [message, ...messages].join("\n");
      expect(text).not.toMatch(/another open porting request|Already CLASSOUND|nothing to port/i);
      expect(messages).toEqual([`${numbers.join(", ")} cannot be ported in now.`]);
    }

    // Partner A: today's precise answers for its own numbers.
    expect((await refusal(a.partnerActor, a.pbx.id, [pending])).numbers).toEqual([
      `Already in another open porting request: ${pending}.`,
    ]);
    expect((await refusal(a.partnerActor, a.pbx.id, [owned])).numbers).toEqual([
      `Already CLASSOUND numbers, so there is nothing to port: ${owned}.`,
    ]);
    expect(await prisma.portingRequestNumber.count({ where: { e164: { in: [pending, owned] } } })).toBe(1);
  });

  it("lets one of two simultaneous requests for the same number through", async () => {
    const number = berlin(1);
    const results = await Promise.allSettled([
      submit(a.partnerActor, a.pbx.id, number),
      submit(b.partnerActor, b.pbx.id, number),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.portingRequestNumber.count({ where: { e164: number[0] } })).toBe(1);
  });

  it("refuses bad input with each field's message, a country CLASSOUND does not serve, and a LOA that is not a document", async () => {
    await expect(
      submit(a.partnerActor, a.pbx.id, ["+49301", "+33142685300"], { accountHolder: "" }),
    ).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { numbers: [expect.any(String)], accountHolder: [expect.any(String)] },
    });
    await expect(submit(a.partnerActor, a.pbx.id, ["+33142685300"])).rejects.toMatchObject({
      fieldErrors: { numbers: [expect.stringMatching(/does not offer numbers in FR/)] },
    });
    const bad = submitPortingRequest(
      prisma,
      a.partnerActor,
      {
        pbxId: a.pbx.id,
        numbers: berlin(1)[0],
        currentOperator: "Vodafone",
        accountHolder: "Muster GmbH",
        requestedDate: FUTURE,
      },
      { bytes: sampleFiles.exe(), fileName: "loa.pdf" },
      driver,
    );
    await expect(bad).rejects.toMatchObject({ code: "INVALID" });
  });
});

describe("handling a port-in", () => {
  it("goes SUBMITTED → IN_PROGRESS → SCHEDULED (partner told the date) → COMPLETED, assigning the numbers to the PBX", async () => {
    const { request, numbers } = await scheduled(berlin(3));
    const inbox = await prisma.notification.findMany({
      where: { user: { partnerId: a.partner.id }, link: `/porting/${request.id}` },
    });
    expect(inbox.map((n) => n.title)).toEqual(["Porting scheduled"]);
    expect(inbox[0].body).toContain("2 Jun 2999");
    expect(await prisma.outboxEmail.count({ where: { subject: "Porting scheduled" } })).toBeGreaterThan(0);

    await completePortingRequest(prisma, admin, { requestId: request.id, version: 2 });
    const phones = await prisma.phoneNumber.findMany({ where: { e164: { in: numbers } }, orderBy: { e164: "asc" } });
    expect(phones.map((p) => [p.e164, p.status, p.partnerId, p.pbxId, p.type])).toEqual(
      numbers.map((n) => [n, "ASSIGNED", a.partner.id, a.pbx.id, "GEOGRAPHIC"]),
    );
    const { request: detail } = await portingRequestDetail(prisma, a.partnerActor, request.id);
    expect(detail.status).toBe("COMPLETED");
    expect(detail.numbers.map((n) => n.phoneNumberId).sort()).toEqual(phones.map((p) => p.id).sort());
    expect(detail.events.map((e) => e.type)).toEqual(["submitted", "start", "schedule", "complete"]);
    expect(
      await prisma.auditLog.count({
        where: { entityId: request.id, action: { in: ["porting.start", "porting.schedule", "porting.complete"] } },
      }),
    ).toBe(3);
    const overview = await pbxPortingOverview(prisma, a.partnerActor, a.pbx.id);
    expect(
      overview.requests.find((r) => r.id === request.id)?.numbers.every((n) => n.phoneNumber?.status === "ASSIGNED"),
    ).toBe(true);
  });

  it("takes over an inventory row that appeared meanwhile, and completes nothing when a number went to another PBX", async () => {
    const first = await scheduled(berlin(2));
    await prisma.phoneNumber.create({
      data: { e164: first.numbers[0], countryCode: "DE", type: "GEOGRAPHIC", status: "AVAILABLE" },
    });
    await completePortingRequest(prisma, admin, { requestId: first.request.id, version: 2 });
    expect(
      await prisma.phoneNumber.count({ where: { e164: { in: first.numbers }, pbxId: a.pbx.id, status: "ASSIGNED" } }),
    ).toBe(2);

    const second = await scheduled(berlin(3));
    await prisma.phoneNumber.create({
      data: {
        e164: second.numbers[2],
        countryCode: "DE",
        type: "GEOGRAPHIC",
        status: "ASSIGNED",
        partnerId: b.partner.id,
        pbxId: b.pbx.id,
      },
    });
    await expect(
      completePortingRequest(prisma, admin, { requestId: second.request.id, version: 2 }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(second.numbers[2]) });
    expect(await prisma.phoneNumber.count({ where: { e164: { in: second.numbers.slice(0, 2) } } })).toBe(0);
    expect(await loadPortingRequest(prisma, admin, second.request.id)).toMatchObject({
      status: "SCHEDULED",
      version: 2,
    });
  });

  it("rejects with a reason the partner reads, and refuses moves the workflow does not allow", async () => {
    const request = await submit(a.partnerActor, a.pbx.id, berlin(1));
    await expect(completePortingRequest(prisma, admin, { requestId: request.id, version: 0 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/is submitted/),
    });
    await expect(
      rejectPortingRequest(prisma, admin, { requestId: request.id, version: 0, reason: "no" }),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { reason: [expect.any(String)] } });
    await rejectPortingRequest(prisma, admin, {
      requestId: request.id,
      version: 0,
      reason: "The LOA is not signed by the account holder.",
    });
    expect(await loadPortingRequest(prisma, a.partnerActor, request.id)).toMatchObject({
      status: "REJECTED",
      rejectionReason: "The LOA is not signed by the account holder.",
    });
    expect(
      await prisma.notification.count({
        where: { user: { partnerId: a.partner.id }, title: "Porting request rejected", link: `/porting/${request.id}` },
      }),
    ).toBe(1);
    await expect(startPortingRequest(prisma, admin, { requestId: request.id, version: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("lets the partner cancel before a date is set, not after", async () => {
    const open = await submit(a.partnerActor, a.pbx.id, berlin(1));
    await cancelPortingRequest(prisma, a.partnerActor, { requestId: open.id, version: 0 });
    expect((await loadPortingRequest(prisma, a.partnerActor, open.id)).status).toBe("CANCELLED");
    const { request } = await scheduled();
    await expect(
      cancelPortingRequest(prisma, a.partnerActor, { requestId: request.id, version: 2 }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/is scheduled/) });
  });

  it("lets one of two admins acting on the same version win", async () => {
    const request = await submit(a.partnerActor, a.pbx.id, berlin(1));
    const results = await Promise.allSettled([
      startPortingRequest(prisma, admin, { requestId: request.id, version: 0 }),
      rejectPortingRequest(prisma, admin, {
        requestId: request.id,
        version: 0,
        reason: "Duplicate of another request.",
      }),
    ]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([
      expect.objectContaining({ reason: expect.objectContaining({ code: "CONFLICT" }) }),
    ]);
    expect(await versionOf(request.id)).toBe(1);
  });
});

describe("who may see and do what", () => {
  it("never shows a partner another partner's requests or LOA, whatever id it sends", async () => {
    const theirs = await submit(b.partnerActor, b.pbx.id, berlin(1));
    const loaFileId = (await loadPortingRequest(prisma, admin, theirs.id)).loaFileId!;
    const ref = { requestId: theirs.id, version: 0 };
    await expect(portingRequestDetail(prisma, a.partnerActor, theirs.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cancelPortingRequest(prisma, a.partnerActor, ref)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(loadReadableFile(prisma, a.partnerActor, loaFileId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(loadReadableFile(prisma, b.partnerActor, loaFileId)).resolves.toMatchObject({ id: loaFileId });
    await expect(loadReadableFile(prisma, admin, loaFileId)).resolves.toMatchObject({ id: loaFileId });
    await expect(loadReadableFile(prisma, b.endUserActor, loaFileId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(pbxPortingOverview(prisma, a.partnerActor, b.pbx.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submit(a.partnerActor, b.pbx.id, berlin(1))).rejects.toMatchObject({
      fieldErrors: { pbxId: [expect.stringMatching(/does not exist/)] },
    });
    const { requests } = await listPortingRequests(prisma, a.partnerActor, {
      partnerId: b.partner.id,
      pbxId: b.pbx.id,
    });
    expect(requests).toEqual([]);
    expect((await loadPortingRequest(prisma, b.partnerActor, theirs.id)).status).toBe("SUBMITTED");
  });

  it("keeps the operator's steps to admins, even on the partner's own request", async () => {
    const own = await submit(a.partnerActor, a.pbx.id, berlin(1));
    const ref = { requestId: own.id, version: 0 };
    await expect(startPortingRequest(prisma, a.partnerActor, ref)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      schedulePortingRequest(prisma, a.partnerActor, { ...ref, portingAt: "2999-01-01T10:00" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      rejectPortingRequest(prisma, a.partnerActor, { ...ref, reason: "I changed my mind" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(completePortingRequest(prisma, a.partnerActor, ref)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(cancelPortingRequest(prisma, admin, ref)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(submit(admin, a.pbx.id, berlin(1))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await loadPortingRequest(prisma, a.partnerActor, own.id)).status).toBe("SUBMITTED");
  });

  it("shows end users nothing of porting", async () => {
    const own = await submit(a.partnerActor, a.pbx.id, berlin(1));
    await expect(portingRequestDetail(prisma, a.endUserActor, own.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listPortingRequests(prisma, a.endUserActor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(submit(a.endUserActor, a.pbx.id, berlin(1))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists with status filter, counts and pages within the scope", async () => {
    const all = await listPortingRequests(prisma, a.partnerActor);
    expect(all.requests.every((r) => r.partner.name === a.partner.name)).toBe(true);
    const cancelled = await listPortingRequests(prisma, a.partnerActor, { status: "CANCELLED" });
    expect(cancelled.requests.length).toBe(all.counts.CANCELLED);
    expect(cancelled.requests.every((r) => r.status === "CANCELLED")).toBe(true);
    const admins = await listPortingRequests(prisma, admin, { page: 2 });
    expect(admins.page).toBe(2);
    expect(admins.total).toBeGreaterThan(all.total);
  });
});
