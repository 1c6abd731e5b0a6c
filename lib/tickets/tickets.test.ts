import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadReadableFile } from "@/lib/storage/file-access";
import { localDriver } from "@/lib/storage/local-driver";
import { actorOf, makeCountry, makeTwoTenants, makeUser } from "@/lib/testing/fixtures";
import { sampleFiles } from "@/lib/testing/sample-files";
import { createTestDatabase } from "@/lib/testing/test-database";
import { loadTicket } from "./load";
import { openTicket } from "./open-ticket";
import { pbxTicketsOverview } from "./pbx-tickets";
import { listTickets, ticketDetail } from "./queries";
import { TICKETS_PAGE_SIZE } from "./search";
import { attachToTicket, replyToTicket } from "./reply";
import { assignTicket, closeTicket, resolveTicket } from "./status";

const { prisma } = await createTestDatabase();
const root = await mkdtemp(path.join(os.tmpdir(), "classound-tickets-"));
afterAll(() => rm(root, { recursive: true, force: true }));
const driver = localDriver(root);
const { a, b, admin } = await makeTwoTenants(prisma);
await makeCountry(prisma, { code: "US", name: "United States", isEu: false });
await prisma.country.create({
  data: { code: "IN", name: "India", dialCode: "91", callTerminationArea: 4, senderIdRegistration: true },
});

let serial = 0;
async function numberOf(tenant: typeof a, countryCode: string) {
  serial += 1;
  return prisma.phoneNumber.create({
    data: {
      e164: `+1555${String(Date.now() % 1_000_000).padStart(6, "0")}${serial}`,
      countryCode,
      type: "GEOGRAPHIC",
      status: "ASSIGNED",
      partnerId: tenant.partner.id,
      pbxId: tenant.pbx.id,
    },
  });
}

async function activateService(tenant: typeof a) {
  await prisma.classoundService.upsert({
    where: { pbxId: tenant.pbx.id },
    update: {},
    create: { pbxId: tenant.pbx.id, activatedAt: new Date(), expiresAt: new Date("2027-05-01") },
  });
}

const emergencyRequest = (tenant: typeof a) => ({
  category: "EMERGENCY_SERVICE" as const,
  pbxId: tenant.pbx.id,
  subject: "Configure emergency service",
  message: "Please configure E112 for our Munich office.",
});

describe("opening a ticket (R17)", () => {
  it("refuses emergency configuration for a PBX without CLASSOUND, naming the field", async () => {
    await expect(openTicket(prisma, b.partnerActor, emergencyRequest(b))).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { pbxId: [expect.stringMatching(/not active/)] },
    });
  });

  it("opens a typed ticket with its first message, tells support and writes the audit log", async () => {
    await activateService(a);
    const ticket = await openTicket(prisma, a.partnerActor, emergencyRequest(a));
    expect(ticket).toMatchObject({
      status: "OPEN",
      partnerId: a.partner.id,
      customerId: a.customer.id,
      pbxId: a.pbx.id,
    });
    const { ticket: detail } = await ticketDetail(prisma, a.partnerActor, ticket.id);
    expect(detail.messages.map((m) => m.body)).toEqual(["Please configure E112 for our Munich office."]);
    expect(
      await prisma.notification.count({ where: { userId: admin.userId, link: `/admin/tickets/${ticket.id}` } }),
    ).toBe(1);
    expect(await prisma.auditLog.count({ where: { entityId: ticket.id, action: "ticket.opened" } })).toBe(1);
  });

  it("reports each missing field of a category", async () => {
    await expect(
      openTicket(prisma, a.partnerActor, {
        category: "CNAM",
        pbxId: a.pbx.id,
        subject: "Caller name",
        message: "Please",
      }),
    ).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { numberIds: [expect.any(String)], callerName: [expect.any(String)] },
    });
  });

  it("refuses CNAM on a number outside the US and Canada", async () => {
    const german = await numberOf(a, "DE");
    await expect(
      openTicket(prisma, a.partnerActor, {
        category: "CNAM",
        pbxId: a.pbx.id,
        numberIds: [german.id],
        callerName: "ACME",
        subject: "CNAM",
        message: "Please",
      }),
    ).rejects.toMatchObject({
      fieldErrors: { numberIds: [expect.stringMatching(/US and Canadian/)] },
    });
  });
});

describe("the thread and its statuses", () => {
  it("waits for the side that did not write last, notifying it; resolving configures emergency service", async () => {
    const c = await makeTwoTenants(prisma);
    await activateService(c.a);
    const ticket = await openTicket(prisma, c.a.partnerActor, emergencyRequest(c.a));
    await replyToTicket(prisma, admin, { ticketId: ticket.id, body: "Which address should emergency calls report?" });
    expect((await loadTicket(prisma, admin, ticket.id)).status).toBe("WAITING_FOR_PARTNER");
    const partnerUserId = c.a.partnerActor.userId;
    expect(await prisma.notification.count({ where: { userId: partnerUserId, link: `/tickets/${ticket.id}` } })).toBe(
      1,
    );
    await replyToTicket(prisma, c.a.partnerActor, { ticketId: ticket.id, body: "Leopoldstraße 12, München." });
    expect((await loadTicket(prisma, admin, ticket.id)).status).toBe("WAITING_FOR_SUPPORT");

    const outcome = await resolveTicket(prisma, admin, { ticketId: ticket.id, note: "Done." });
    expect(outcome).toMatch(/configured/);
    const service = await prisma.classoundService.findUniqueOrThrow({ where: { pbxId: c.a.pbx.id } });
    expect(service.emergencyConfiguredAt).not.toBeNull();
    expect((await pbxTicketsOverview(prisma, c.a.partnerActor, c.a.pbx.id)).emergencyConfiguredAt).not.toBeNull();
    await expect(resolveTicket(prisma, admin, { ticketId: ticket.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await prisma.auditLog.count({ where: { entityId: ticket.id, action: "ticket.status_changed" } })).toBe(3);
    expect(
      await prisma.outboxEmail.count({ where: { text: { contains: `/tickets/${ticket.id}` } } }),
    ).toBeGreaterThanOrEqual(2);
  });

  it("keeps a closed ticket closed", async () => {
    const ticket = await openTicket(prisma, a.partnerActor, {
      category: "OTHER",
      subject: "A question",
      message: "How do I port numbers?",
    });
    await closeTicket(prisma, a.partnerActor, { ticketId: ticket.id });
    await expect(
      replyToTicket(prisma, a.partnerActor, { ticketId: ticket.id, body: "One more thing" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(closeTicket(prisma, a.partnerActor, { ticketId: ticket.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("sets the caller name on the numbers when a CNAM ticket is resolved", async () => {
    const us = await numberOf(a, "US");
    const ticket = await openTicket(prisma, a.partnerActor, {
      category: "CNAM",
      pbxId: a.pbx.id,
      numberIds: [us.id],
      callerName: "ACME Corp",
      subject: "CNAM",
      message: "Please",
    });
    await resolveTicket(prisma, admin, { ticketId: ticket.id });
    expect((await prisma.phoneNumber.findUniqueOrThrow({ where: { id: us.id } })).cnam).toBe("ACME Corp");
  });

  it("registers the converted sender name with the compliance documents on file", async () => {
    const required = await prisma.requiredDocument.create({
      data: { countryCode: "DE", name: "Company registration", description: "Extract" },
    });
    const file = await prisma.storedFile.create({
      data: {
        driver: "local",
        storageKey: `key-${Date.now()}`,
        fileName: "registration.pdf",
        contentType: "application/pdf",
        sizeBytes: 1,
        sha256: "0".repeat(64),
        partnerId: a.partner.id,
      },
    });
    await prisma.complianceDocument.create({
      data: { customerId: a.customer.id, requiredDocumentId: required.id, fileId: file.id, acceptedAt: new Date() },
    });
    await expect(
      openTicket(prisma, a.partnerActor, {
        category: "SENDER_ID_REGISTRATION",
        pbxId: a.pbx.id,
        senderName: "ACME",
        countryCode: "DE",
        subject: "Sender ID",
        message: "Please",
      }),
    ).rejects.toMatchObject({
      fieldErrors: { countryCode: [expect.any(String)] },
    });
    const ticket = await openTicket(prisma, a.partnerActor, {
      category: "SENDER_ID_REGISTRATION",
      pbxId: a.pbx.id,
      senderName: "Müller&Söhne GmbH",
      countryCode: "IN",
      subject: "Sender ID",
      message: "Please",
    });
    expect(ticket.senderName).toBe("Müller&Söh");
    const { ticket: detail } = await ticketDetail(prisma, a.partnerActor, ticket.id);
    expect(detail.messages.map((m) => m.file?.id ?? null)).toEqual([null, file.id]);
    await resolveTicket(prisma, admin, { ticketId: ticket.id });
    expect(
      await prisma.senderIdRegistration.findMany({
        where: { customerId: a.customer.id },
        select: { countryCode: true, senderName: true },
      }),
    ).toEqual([{ countryCode: "IN", senderName: "Müller&Söh" }]);
  });

  it("assigns to admins only", async () => {
    const ticket = await openTicket(prisma, a.partnerActor, { category: "OTHER", subject: "Assign me", message: "…" });
    await expect(
      assignTicket(prisma, admin, { ticketId: ticket.id, assigneeId: a.partnerActor.userId }),
    ).rejects.toMatchObject({ code: "INVALID" });
    const colleague = await makeUser(prisma, "ADMIN");
    await assignTicket(prisma, admin, { ticketId: ticket.id, assigneeId: colleague.id });
    expect((await loadTicket(prisma, admin, ticket.id)).assigneeId).toBe(colleague.id);
    expect(await prisma.notification.count({ where: { userId: colleague.id } })).toBe(1);
    // A partner's reply now goes to the assignee alone.
    await replyToTicket(prisma, a.partnerActor, { ticketId: ticket.id, body: "Any news?" });
    expect(await prisma.notification.count({ where: { userId: colleague.id } })).toBe(2);
  });
});

describe("who sees which ticket", () => {
  it("gives another partner's ticket the same answer as a missing one, for every action", async () => {
    const ticket = await openTicket(prisma, a.partnerActor, {
      category: "OTHER",
      subject: "Private",
      message: "Ours only",
    });
    const notFound = { code: "NOT_FOUND" };
    await expect(ticketDetail(prisma, b.partnerActor, ticket.id)).rejects.toMatchObject(notFound);
    await expect(replyToTicket(prisma, b.partnerActor, { ticketId: ticket.id, body: "Hi" })).rejects.toMatchObject(
      notFound,
    );
    await expect(closeTicket(prisma, b.partnerActor, { ticketId: ticket.id })).rejects.toMatchObject(notFound);
    await expect(
      attachToTicket(
        prisma,
        b.partnerActor,
        { ticketId: ticket.id, bytes: sampleFiles.pdf(), fileName: "x.pdf" },
        driver,
      ),
    ).rejects.toMatchObject(notFound);
    expect((await listTickets(prisma, b.partnerActor, { partnerId: a.partner.id })).tickets).toEqual([]);
    expect((await listTickets(prisma, b.partnerActor)).tickets.map((t) => t.id)).not.toContain(ticket.id);
    await expect(pbxTicketsOverview(prisma, b.partnerActor, a.pbx.id)).rejects.toMatchObject(notFound);
  });

  it("keeps attachments to the ticket's partner and support", async () => {
    const ticket = await openTicket(prisma, a.partnerActor, {
      category: "OTHER",
      subject: "With a file",
      message: "See attached",
    });
    const message = await attachToTicket(
      prisma,
      admin,
      { ticketId: ticket.id, bytes: sampleFiles.pdf("answer"), fileName: "answer.pdf" },
      driver,
    );
    expect((await loadReadableFile(prisma, a.partnerActor, message.fileId!)).fileName).toBe("answer.pdf");
    await expect(loadReadableFile(prisma, b.partnerActor, message.fileId!)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      attachToTicket(
        prisma,
        a.partnerActor,
        { ticketId: ticket.id, bytes: sampleFiles.exe(), fileName: "evil.pdf" },
        driver,
      ),
    ).rejects.toMatchObject({ code: "INVALID" });
  });

  it("refuses another partner's PBX and numbers when opening a ticket", async () => {
    await expect(openTicket(prisma, b.partnerActor, emergencyRequest(a))).rejects.toMatchObject({
      fieldErrors: { pbxId: ["This PBX does not exist."] },
    });
    const theirs = await numberOf(a, "US");
    await expect(
      openTicket(prisma, b.partnerActor, {
        category: "CNAM",
        pbxId: b.pbx.id,
        numberIds: [theirs.id],
        callerName: "X",
        subject: "CNAM",
        message: "…",
      }),
    ).rejects.toMatchObject({
      fieldErrors: { numberIds: [expect.any(String)] },
    });
  });

  it("shows an end user no tickets and lets only support resolve or assign", async () => {
    const ticket = await openTicket(prisma, a.partnerActor, {
      category: "OTHER",
      subject: "Support only",
      message: "…",
    });
    await expect(listTickets(prisma, a.endUserActor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(ticketDetail(prisma, a.endUserActor, ticket.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      openTicket(prisma, a.endUserActor, { category: "OTHER", subject: "Mine", message: "…" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resolveTicket(prisma, a.partnerActor, { ticketId: ticket.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(assignTicket(prisma, a.partnerActor, { ticketId: ticket.id, assigneeId: null })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    expect(actorOf(await makeUser(prisma, "END_USER", { customerId: a.customer.id })).role).toBe("END_USER");
  });
});

describe("the ticket lists' pages", () => {
  it("pages on the server, longest waiting first: page 2 goes on where page 1 stopped, with the total", async () => {
    const c = await makeTwoTenants(prisma);
    const count = TICKETS_PAGE_SIZE + 5;
    const opened = [];
    for (let i = 0; i < count; i++)
      opened.push(
        await openTicket(prisma, c.a.partnerActor, { category: "OTHER", subject: `Paging ${i}`, message: "…" }),
      );
    // Waiting times one minute apart, the first opened waiting longest.
    for (const [i, ticket] of opened.entries())
      await prisma.ticket.update({
        where: { id: ticket.id },
        data: { statusChangedAt: new Date(Date.UTC(2026, 0, 1, 0, i)) },
      });
    const ids = opened.map((t) => t.id);

    const first = await listTickets(prisma, c.a.partnerActor);
    expect(first).toMatchObject({ total: count, page: 1, pageCount: 2, counts: { OPEN: count } });
    expect(first.tickets.map((t) => t.id)).toEqual(ids.slice(0, TICKETS_PAGE_SIZE));
    const second = await listTickets(prisma, c.a.partnerActor, { page: 2 });
    expect(second).toMatchObject({ total: count, page: 2, pageCount: 2 });
    expect(second.tickets.map((t) => t.id)).toEqual(ids.slice(TICKETS_PAGE_SIZE));

    // Support's queue pages the same rows, filtered by partner; the total follows the filters.
    const queue = await listTickets(prisma, admin, { partnerId: c.a.partner.id, page: 2 });
    expect(queue.tickets.map((t) => t.id)).toEqual(ids.slice(TICKETS_PAGE_SIZE));
    expect((await listTickets(prisma, admin, { partnerId: c.a.partner.id, status: "CLOSED" })).total).toBe(0);
    // Another partner counts none of them.
    expect((await listTickets(prisma, c.b.partnerActor)).total).toBe(0);
  });
});
