import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { saveMailPreferences } from "@/lib/notifications/mail-preferences";
import { actorOf, makeCountry, makeTenant, makeUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { complianceExpiryJob } from "./compliance-expiry";
import type { JobContext } from "./definition";

const { prisma } = await createTestDatabase();
const NOW = new Date("2026-11-23T06:00:00Z");
const DAY = 86_400_000;
beforeAll(() => void vi.stubEnv("NEXTAUTH_URL", "https://portal.classound.test"));
// Test files share their worker's process (vitest.config.ts): the next file must not inherit the stub.
afterAll(() => vi.unstubAllEnvs());

async function documentExpiringIn(db: Db, days: number) {
  const tenant = await makeTenant(db);
  const country = await makeCountry(db);
  const required = await db.requiredDocument.create({
    data: { countryCode: country.code, name: "Letter of authority", description: "Signed", validityMonths: 6 },
  });
  const file = await db.storedFile.create({
    data: {
      driver: "local",
      storageKey: randomBytes(8).toString("hex"),
      fileName: "loa.pdf",
      contentType: "application/pdf",
      sizeBytes: 1,
      sha256: "0".repeat(64),
      partnerId: tenant.partner.id,
    },
  });
  await db.complianceDocument.create({
    data: {
      customerId: tenant.customer.id,
      requiredDocumentId: required.id,
      fileId: file.id,
      acceptedAt: NOW,
      expiresAt: new Date(NOW.getTime() + days * DAY),
    },
  });
  return tenant;
}

const context = (now: Date): JobContext => ({ db: prisma, sendMail: null, now: () => now, enqueue: async () => {} });

describe("the daily expiring-documents job", () => {
  it("notifies the partner once per document, not every day, with an absolute link to the customers' documents", async () => {
    const soon = await documentExpiringIn(prisma, 10);
    const later = await documentExpiringIn(prisma, 60);
    const soonUser = await makeUser(prisma, "PARTNER", { partnerId: soon.partner.id });
    const laterUser = await makeUser(prisma, "PARTNER", { partnerId: later.partner.id });

    await complianceExpiryJob.run(context(NOW), {});
    await complianceExpiryJob.run(context(NOW), {});
    await complianceExpiryJob.run(context(new Date(NOW.getTime() + DAY)), {});

    const notices = await prisma.notification.findMany({ where: { userId: soonUser.id } });
    expect(notices).toHaveLength(1);
    expect(notices[0].title).toContain(soon.customer.name);
    expect(notices[0].title).toContain("3 Dec 2026");
    const mails = await prisma.outboxEmail.findMany({ where: { to: soonUser.email } });
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("https://portal.classound.test/customers?attention=1");
    expect(await prisma.notification.count({ where: { userId: laterUser.id } })).toBe(0);
  });

  it("respects a partner user's choice not to get these by e-mail (the in-app notice still arrives)", async () => {
    const tenant = await documentExpiringIn(prisma, 5);
    const user = await makeUser(prisma, "PARTNER", { partnerId: tenant.partner.id });
    await saveMailPreferences(prisma, actorOf(user), { enabled: ["activation"] });

    await complianceExpiryJob.run(context(NOW), {});

    expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(1);
    expect(await prisma.outboxEmail.count({ where: { to: user.email } })).toBe(0);
  });
});
