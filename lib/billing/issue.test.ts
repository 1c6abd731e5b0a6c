import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { unsafeDeliverOutboxEmail } from "@/lib/mail/delivery";
import { smtpSender } from "@/lib/mail/transport";
import { startSmtpServer } from "@/lib/testing/smtp";
import { createTestDatabase } from "@/lib/testing/test-database";
import { issueInvoice } from "./issue";
import { ISSUE_NOW, makeAdmin, makeDraft, OCTOBER } from "./lifecycle-testing";
import { runInvoiceMonth } from "./run-invoice-month";
import { callOf, makeCharge } from "./testing";

// Issuing a draft (docs/decisions/0061): gapless numbers, one issue per draft, the mail with its PDF.
const { prisma } = await createTestDatabase();
const admin = await makeAdmin(prisma);
const smtp = await startSmtpServer();
const PORTAL = "https://portal.classound.test";

beforeAll(() => vi.stubEnv("NEXTAUTH_URL", PORTAL));
afterAll(async () => {
  vi.unstubAllEnvs();
  await smtp.stop();
});

const sequence = (number: string) => Number(/^2026-(\d{6})$/.exec(number)![1]);
const issue = (invoiceId: string, db: Db = prisma) => issueInvoice(db, admin, { invoiceId }, ISSUE_NOW);

/** The raw MIME part of the attachment: its headers and its decoded body. */
function attachmentOf(raw: string) {
  const match = /Content-Type: application\/pdf[^\r]*\r\n((?:[^\r]+\r\n)*)\r\n([\s\S]*?)\r\n--/i.exec(raw);
  if (!match) throw new Error(`no PDF part in:\n${raw.slice(0, 2000)}`);
  return { headers: match[1]!.replace(/\r\n[ \t]+/g, " "), body: Buffer.from(match[2]!.replace(/\s+/g, ""), "base64") };
}

describe("issuing an invoice", () => {
  it("numbers, dates and freezes the draft, audits it, and mails the PDF to the partner's billing address", async () => {
    const { tenant, invoiceId } = await makeDraft(prisma, "250.00");
    const issued = await issue(invoiceId);

    expect(issued.number).toMatch(/^2026-\d{6}$/);
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    expect(invoice).toMatchObject({ status: "ISSUED", number: issued.number, issuedAt: ISSUE_NOW });
    expect(invoice.dueAt).toEqual(new Date("2026-12-02T08:00:00Z"));
    expect(invoice.total.toFixed(2)).toBe("297.50");
    // Frozen: the run leaves it alone, the database refuses a change.
    expect(await runInvoiceMonth(prisma, { partnerId: tenant.partner.id, month: OCTOBER }, ISSUE_NOW)).toMatchObject({
      outcome: "ISSUED_UNTOUCHED",
    });
    await expect(prisma.invoice.update({ where: { id: invoiceId }, data: { total: 1 } })).rejects.toThrow(/is issued/);

    expect(
      await prisma.auditLog.findFirstOrThrow({ where: { action: "invoice.issued", entityId: invoiceId } }),
    ).toMatchObject({
      actorId: admin.userId,
      detail: expect.objectContaining({ number: issued.number, total: "297.50" }),
    });

    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: tenant.partner.billingEmail } });
    expect(mail.attachments).toEqual([{ kind: "invoice-pdf", id: invoiceId }]);
    expect(mail.subject).toBe(`Invoice ${issued.number} for October 2026`);
    expect(mail.text).toContain("297.50");
    expect(mail.text).toContain(`${PORTAL}/billing/invoices/${invoiceId}`);

    // Sent: the PDF is rendered then and reaches the transport under the invoice's file name.
    const before = smtp.received.length;
    const send = smtpSender({ SMTP_URL: smtp.url(), MAIL_FROM: "CLASSOUND billing <billing@classound.example>" })!;
    expect(await unsafeDeliverOutboxEmail(prisma, mail.id, send)).toBe("sent");
    const [received] = (await smtp.waitFor(before + 1)).slice(before);
    const attachment = attachmentOf(received!.raw);
    expect(attachment.headers).toContain(`CLASSOUND-invoice-${issued.number}.pdf`);
    expect(attachment.headers).toMatch(/Content-Disposition: attachment/i);
    expect(attachment.body.subarray(0, 4).toString("latin1")).toBe("%PDF");
  });

  it("numbers concurrent issues one after the other without a gap, and a failed issue gives its number back", async () => {
    const drafts = await Promise.all(Array.from({ length: 5 }, () => makeDraft(prisma)));
    // An issue that fails after it took its number (its mail cannot be written): all of it rolls back.
    const failing = new Proxy(prisma, {
      get(target, key) {
        if (key !== "$transaction") return Reflect.get(target, key);
        return (fn: (tx: Db) => Promise<unknown>, options: object) =>
          target.$transaction(
            (tx) =>
              fn(
                new Proxy(tx, {
                  get: (t, k) =>
                    k === "outboxEmail"
                      ? {
                          createMany: () => {
                            throw new Error("outbox unavailable");
                          },
                        }
                      : Reflect.get(t, k),
                }) as Db,
              ),
            options,
          );
      },
    }) as Db;
    await expect(issue(drafts[0]!.invoiceId, failing)).rejects.toThrow("outbox unavailable");
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: drafts[0]!.invoiceId } })).toMatchObject({
      status: "DRAFT",
      number: null,
    });

    const results = await Promise.all(drafts.map((d) => issue(d.invoiceId)));
    const numbers = results.map((r) => sequence(r.number)).sort((a, b) => a - b);
    const first = numbers[0]!;
    expect(numbers).toEqual([first, first + 1, first + 2, first + 3, first + 4]);
    // Nothing was skipped before them either: every number of the year up to the last is taken.
    const all = (
      await prisma.invoice.findMany({ where: { number: { startsWith: "2026-" } }, select: { number: true } })
    )
      .map((i) => sequence(i.number!))
      .sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
  });

  it("issues a draft once: a second issue, or two at once, is refused and takes no number", async () => {
    const { invoiceId } = await makeDraft(prisma);
    const outcomes = await Promise.allSettled([issue(invoiceId), issue(invoiceId)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/already issued as 2026-/),
    });
    await expect(issue(invoiceId)).rejects.toMatchObject({ code: "CONFLICT" });

    const issued = (outcomes.find((o) => o.status === "fulfilled") as PromiseFulfilledResult<{ number: string }>).value;
    const next = await issue((await makeDraft(prisma)).invoiceId);
    expect(sequence(next.number)).toBe(sequence(issued.number) + 1);
    expect(
      await prisma.outboxEmail.count({ where: { attachments: { equals: [{ kind: "invoice-pdf", id: invoiceId }] } } }),
    ).toBe(1);
  });

  it("refuses partners, end users and unknown ids", async () => {
    const { invoiceId, partnerActor } = await makeDraft(prisma);
    await expect(issueInvoice(prisma, partnerActor, { invoiceId }, ISSUE_NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(issue("c000000000000000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(issue("not an id")).rejects.toMatchObject({ code: "INVALID" });
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({ status: "DRAFT" });
  });

  it("refuses a draft its month no longer matches: calls not rated, a charge added since, new billing details", async () => {
    const unrated = await makeDraft(prisma);
    await prisma.callRecord.create({ data: callOf(unrated.tenant, unrated.tenant.pbx.id, {}) });
    await expect(issue(unrated.invoiceId)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/2026-10 now has 1 calls or SMS not rated/),
    });

    const charged = await makeDraft(prisma);
    await makeCharge(prisma, charged.tenant, charged.service.id, {
      kind: "USERS_ADDED",
      amount: "12.00",
      createdAt: new Date("2026-10-20T10:00:00Z"),
    });
    await expect(issue(charged.invoiceId)).rejects.toMatchObject({
      message: expect.stringMatching(/arose after this draft/),
    });
    // Run again, the draft carries the charge and issues.
    await runInvoiceMonth(prisma, { partnerId: charged.tenant.partner.id, month: OCTOBER }, ISSUE_NOW);
    await expect(issue(charged.invoiceId)).resolves.toMatchObject({ id: charged.invoiceId });

    const moved = await makeDraft(prisma);
    await prisma.partner.update({ where: { id: moved.tenant.partner.id }, data: { billingEmail: "new@example.test" } });
    await expect(issue(moved.invoiceId)).rejects.toMatchObject({
      message: expect.stringMatching(/billing details changed/),
    });
    for (const { invoiceId } of [unrated, moved])
      expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
        status: "DRAFT",
        number: null,
      });
  });
});
