import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TIER_HISTORY_START } from "@/lib/db/seed/factories";
import { makeCountry, makeTier, makeTwoTenants, makeUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { hashToken } from "@/lib/users/password-links";
import { onboardPartner, partnerTimeZones } from "./onboard";

const { prisma } = await createTestDatabase();
beforeAll(() => vi.stubEnv("NEXTAUTH_URL", "https://portal.classound.example"));
afterAll(() => vi.unstubAllEnvs());

const { a, admin } = await makeTwoTenants(prisma);
const silver = await makeTier(prisma, "SILVER");
await makeCountry(prisma, { code: "JP", name: "Japan", isEu: false, area: 2, dialCode: "81", emergencyRegime: null });
const now = new Date("2026-12-07T10:00:00Z");

let seq = 0;
const valid = () => ({
  name: `Alpentel Vertrieb ${++seq} GmbH`,
  countryCode: "DE",
  vatNumber: "de 136 695 976",
  billingEmail: `billing-${seq}@alpentel.example`,
  timeZone: "Europe/Berlin",
  tierId: silver.id,
  adminName: "Petra Hofmann",
  adminEmail: `petra-${seq}-${Date.now()}@alpentel.example`,
});

/** What an onboarding may have stored: nothing, after a refusal. */
const stored = async (input: { name: string; adminEmail: string }) => ({
  partners: await prisma.partner.count({ where: { name: input.name } }),
  users: await prisma.user.count({ where: { email: input.adminEmail } }),
  mails: await prisma.outboxEmail.count({ where: { to: input.adminEmail } }),
});

describe("onboarding a partner", () => {
  it("creates the partner, its tier history from 1970, its partner admin and the mailed one-time link, audited", async () => {
    const input = valid();
    const result = await onboardPartner(prisma, admin, input, now);

    const partner = await prisma.partner.findUniqueOrThrow({
      where: { id: result.partnerId },
      include: { tierPeriods: true, users: true },
    });
    expect(partner).toMatchObject({
      name: input.name,
      countryCode: "DE",
      vatNumber: "DE136695976",
      billingEmail: input.billingEmail,
      timeZone: "Europe/Berlin",
      tierId: silver.id,
      agreementStatus: "ACTIVE",
    });
    expect(partner.tierPeriods).toEqual([
      expect.objectContaining({ tierId: silver.id, validFrom: TIER_HISTORY_START }),
    ]);
    expect(partner.users).toEqual([
      expect.objectContaining({ email: input.adminEmail, role: "PARTNER", isPartnerAdmin: true, customerId: null }),
    ]);

    // The link as the users' invitation issues it: only its hash stored, mailed, shown once.
    expect(result.link).toMatch(/^https:\/\/portal\.classound\.example\/set-password\/[A-Za-z0-9_-]{43}$/);
    const token = result.link.split("/").at(-1)!;
    const tokens = await prisma.passwordToken.findMany({ where: { userId: partner.users[0].id } });
    expect(tokens).toEqual([
      expect.objectContaining({ tokenHash: hashToken(token), usedAt: null, createdById: admin.userId }),
    ]);
    const mails = await prisma.outboxEmail.findMany({ where: { to: input.adminEmail } });
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(result.link);

    const audit = await prisma.auditLog.findMany({
      where: { OR: [{ entityId: partner.id }, { entityId: partner.users[0].id }] },
      orderBy: { id: "asc" },
    });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([
      ["partner.onboarded", admin.userId],
      ["user.created", admin.userId],
      ["user.password_link_issued", admin.userId],
    ]);
    expect(JSON.stringify(audit.map((e) => e.detail))).not.toContain(token);
  });

  it("checks the VAT number by the country's format, and only length and characters where none is known", async () => {
    const badCheckDigits = { ...valid(), vatNumber: "DE136695977" };
    await expect(onboardPartner(prisma, admin, badCheckDigits, now)).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { vatNumber: [expect.stringContaining("check digits")] },
    });
    expect(await stored(badCheckDigits)).toEqual({ partners: 0, users: 0, mails: 0 });

    const japan = { ...valid(), countryCode: "JP", timeZone: "Asia/Tokyo", vatNumber: "T1234567890123" };
    const { partnerId } = await onboardPartner(prisma, admin, japan, now);
    expect(await prisma.partner.findUniqueOrThrow({ where: { id: partnerId } })).toMatchObject({
      vatNumber: "T1234567890123",
      timeZone: "Asia/Tokyo",
    });
    await expect(
      onboardPartner(prisma, admin, { ...valid(), countryCode: "JP", vatNumber: "#!" }, now),
    ).rejects.toMatchObject({
      fieldErrors: { vatNumber: [expect.stringContaining("4 to 30")] },
    });
  });

  it("refuses an unknown country, tier or time zone and a taken admin e-mail beside each field, all at once, storing nothing", async () => {
    const taken = await makeUser(prisma, "PARTNER", { partnerId: a.partner.id });
    const input = {
      ...valid(),
      countryCode: "ZZ",
      timeZone: "Mars/Olympus_Mons",
      tierId: "c000000000000000000000000",
      adminEmail: taken.email.toUpperCase(),
    };
    await expect(onboardPartner(prisma, admin, input, now)).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: {
        countryCode: [expect.stringContaining("country")],
        timeZone: [expect.stringContaining("time zone")],
        tierId: [expect.stringContaining("tier")],
        adminEmail: [expect.stringContaining("already has an account")],
      },
    });
    expect(await stored({ name: input.name, adminEmail: "none" })).toMatchObject({ partners: 0 });

    // A bad VAT number and a taken e-mail: both messages, not the first only.
    const both = { ...valid(), vatNumber: "DE1", adminEmail: taken.email };
    const error = await onboardPartner(prisma, admin, both, now).catch((e: unknown) => e);
    expect(error).toMatchObject({ fieldErrors: { vatNumber: [expect.any(String)], adminEmail: [expect.any(String)] } });
    expect(await stored({ ...both, adminEmail: "none" })).toMatchObject({ partners: 0 });
  });

  it("keeps nothing of a partner whose admin's e-mail was taken between the check and the insert", async () => {
    const input = valid();
    // Two onboardings with one admin e-mail at once: the unique index lets one through.
    const results = await Promise.allSettled([
      onboardPartner(prisma, admin, input, now),
      onboardPartner(prisma, admin, { ...input, name: `${input.name} (twin)` }, now),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.reason).toMatchObject({ code: "INVALID", fieldErrors: { adminEmail: [expect.any(String)] } });
    expect(await prisma.partner.count({ where: { name: { startsWith: input.name } } })).toBe(1);
  });

  it("is for the operator's admins only", async () => {
    const partnerAdmin = { ...a.partnerActor, isPartnerAdmin: true };
    for (const actor of [a.partnerActor, partnerAdmin, a.endUserActor])
      await expect(onboardPartner(prisma, actor, valid(), now)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("offers only the zones PostgreSQL knows, which rating converts calls with", async () => {
    const zones = await partnerTimeZones(prisma);
    expect(zones).toContain("Europe/Berlin");
    expect(zones).toContain("UTC");
    expect(zones.length).toBeGreaterThan(300);
  });
});
