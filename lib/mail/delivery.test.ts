import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { notifyPartner } from "@/lib/notifications/notify";
import { makePartner, makeUser } from "@/lib/testing/fixtures";
import { startSmtpServer } from "@/lib/testing/smtp";
import { createTestDatabase } from "@/lib/testing/test-database";
import {
  DELIVERY_LEASE_MS,
  MAX_DELIVERY_ATTEMPTS,
  RETRY_WINDOW_MS,
  unsafeClaimOutboxEmail,
  unsafeDeliverOutboxEmail,
  unsafeDueOutboxIds,
  unsafeMarkOutboxDelivered,
} from "./delivery";
import { queueMail } from "./index";
import { smtpSender } from "./transport";

const { prisma } = await createTestDatabase();
const smtp = await startSmtpServer();
const send = () => smtpSender({ SMTP_URL: smtp.url(), MAIL_FROM: "CLASSOUND portal <no-reply@classound.example>" })!;
const PORTAL = "https://portal.classound.test";

beforeAll(() => {
  vi.stubEnv("NEXTAUTH_URL", PORTAL);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await smtp.stop();
});

async function queueOne(subject = `Subject ${Math.random()}`) {
  await queueMail(prisma, [{ to: "jo@example.test", toName: "Jo Doe", subject, body: "Hello." }]);
  return prisma.outboxEmail.findFirstOrThrow({ where: { subject } });
}

describe("mail delivery over a real SMTP server", () => {
  it("sends a notification as text and HTML with an absolute link to the portal, the name in To and the fixed Message-ID", async () => {
    const partner = await makePartner(prisma, "Müller & Söhne GmbH");
    const user = await makeUser(prisma, "PARTNER", { partnerId: partner.id });
    await notifyPartner(prisma, partner.id, {
      title: "Änderungen erbeten",
      body: "Bitte ersetzen: Vollmacht für Zürich – 5 €.",
      link: "/activations/req123",
    });
    const row = await prisma.outboxEmail.findFirstOrThrow({ where: { to: user.email } });
    const before = smtp.received.length;

    expect(await unsafeDeliverOutboxEmail(prisma, row.id, send())).toBe("sent");
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);

    expect(mail.header("Message-ID")).toBe(row.messageId);
    expect(mail.header("To")).toContain(user.name);
    expect(mail.header("To")).toContain(`<${user.email}>`);
    expect(mail.header("Auto-Submitted")).toBe("auto-generated");
    expect(mail.header("Subject")).not.toMatch(/CLASSOUND/);
    const text = mail.part("text/plain");
    expect(text).toContain("Bitte ersetzen: Vollmacht für Zürich – 5 €.");
    const links = text.match(/https?:\/\/\S+/g)!;
    expect(links).toEqual([`${PORTAL}/activations/req123`]);
    expect(new URL(links[0]).origin).toBe(PORTAL);
    const html = mail.part("text/html");
    expect(html).toContain(`href="${PORTAL}/activations/req123"`);
    expect(html).toContain("Vollmacht für Zürich");
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "SENT",
      attempts: 1,
      leaseUntil: null,
    });
  });

  it("sends one mail when two deliveries of the same row race, and a second run does nothing", async () => {
    const row = await queueOne();
    const before = smtp.received.length;
    const results = await Promise.all([
      unsafeDeliverOutboxEmail(prisma, row.id, send()),
      unsafeDeliverOutboxEmail(prisma, row.id, send()),
    ]);
    expect(results.sort()).toEqual(["sent", "skipped"]);
    expect(await unsafeDeliverOutboxEmail(prisma, row.id, send())).toBe("skipped");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.slice(before).filter((m) => m.header("Message-ID") === row.messageId)).toHaveLength(1);
  });

  it("keeps a mail written while the server is down, records the error, and sends it once the server is back", async () => {
    const row = await queueOne();
    await smtp.stop();
    try {
      await expect(unsafeDeliverOutboxEmail(prisma, row.id, send())).rejects.toThrow();
      const failed = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } });
      expect(failed).toMatchObject({ status: "PENDING", attempts: 1 });
      expect(failed.error).toMatch(/ECONNREFUSED/);
      // Its job retries it with backoff; the sweep (run after every action) must not start more jobs for it.
      expect(await unsafeDueOutboxIds(prisma)).not.toContain(row.id);
      expect(await unsafeDueOutboxIds(prisma, new Date(Date.now() + RETRY_WINDOW_MS + 1000))).toContain(row.id);
    } finally {
      await smtp.start();
    }
    const before = smtp.received.length;
    expect(await unsafeDeliverOutboxEmail(prisma, row.id, send())).toBe("sent");
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail.header("Message-ID")).toBe(row.messageId);
  });

  it("takes a crashed sender's row again after its lease, with the same Message-ID, and loses nothing", async () => {
    const row = await queueOne();
    const crashedAt = new Date();
    // A sender claimed the row and died before sending or marking it.
    expect(await unsafeClaimOutboxEmail(prisma, row.id, crashedAt)).not.toBeNull();
    expect(await unsafeDeliverOutboxEmail(prisma, row.id, send())).toBe("skipped");
    expect(await unsafeDueOutboxIds(prisma)).not.toContain(row.id);

    const afterLease = new Date(crashedAt.getTime() + DELIVERY_LEASE_MS + 1000);
    expect(await unsafeDueOutboxIds(prisma, afterLease)).toContain(row.id);
    const before = smtp.received.length;
    expect(await unsafeDeliverOutboxEmail(prisma, row.id, send(), () => afterLease)).toBe("sent");
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail.header("Message-ID")).toBe(row.messageId);
  });

  it("gives up after the last attempt and leaves the row FAILED for an admin", async () => {
    const row = await queueOne();
    await prisma.outboxEmail.update({ where: { id: row.id }, data: { attempts: MAX_DELIVERY_ATTEMPTS - 1 } });
    await expect(
      unsafeDeliverOutboxEmail(prisma, row.id, async () => Promise.reject(new Error("550 mailbox unavailable"))),
    ).rejects.toThrow();
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "FAILED",
      error: "Error: 550 mailbox unavailable",
    });
    expect(await unsafeDueOutboxIds(prisma)).not.toContain(row.id);
  });

  it("marks seeded mail as delivered without sending it", async () => {
    const since = new Date(Date.now() - 1000);
    const row = await queueOne();
    expect(await unsafeMarkOutboxDelivered(prisma, since)).toBeGreaterThan(0);
    expect(await unsafeDeliverOutboxEmail(prisma, row.id, send())).toBe("skipped");
  });
});

describe("attachments", () => {
  it("renders a row's documents at send time and passes them to the transport; an unknown kind fails the attempt", async () => {
    const subject = `With a document ${Math.random()}`;
    await queueMail(prisma, [
      { to: "jo@example.test", subject, body: "Attached.", attachments: [{ kind: "invoice-pdf", id: "inv1" }] },
    ]);
    const row = await prisma.outboxEmail.findFirstOrThrow({ where: { subject } });
    expect(row.attachments).toEqual([{ kind: "invoice-pdf", id: "inv1" }]);
    const renderers = {
      "invoice-pdf": async (_db: unknown, id: string) => ({
        filename: `${id}.pdf`,
        contentType: "application/pdf",
        content: Buffer.from("%PDF-1.7 test"),
      }),
    };
    const before = smtp.received.length;
    expect(await unsafeDeliverOutboxEmail(prisma, row.id, send(), undefined, renderers)).toBe("sent");
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail.raw).toMatch(/Content-Type: application\/pdf; name=inv1\.pdf/);
    expect(mail.raw).toMatch(/Content-Disposition: attachment; filename=inv1\.pdf/);
    expect(mail.raw).toContain(Buffer.from("%PDF-1.7 test").toString("base64"));

    const other = `Unknown document ${Math.random()}`;
    await queueMail(prisma, [{ to: "jo@example.test", subject: other, body: "Attached." }]);
    const bad = await prisma.outboxEmail.findFirstOrThrow({ where: { subject: other } });
    await prisma.outboxEmail.update({ where: { id: bad.id }, data: { attachments: [{ kind: "nonsense", id: "x" }] } });
    await expect(unsafeDeliverOutboxEmail(prisma, bad.id, send())).rejects.toThrow(/Cannot render the attachment/);
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: bad.id } })).toMatchObject({ status: "PENDING" });
  });
});
