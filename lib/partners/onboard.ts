import type { Actor } from "@/lib/auth/actor";
import { assertCanChange } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { firstTierPeriodRow } from "@/lib/db/seed/factories";
import { AppError, controlCharacterIssues, fieldErrorsOf } from "@/lib/errors";
import { createInvitedUser, EMAIL_TAKEN, isUniqueViolation } from "@/lib/users/mutations";
import { timeZoneChoices } from "@/lib/validation/time-zone";
import { checkTaxNumber } from "@/lib/validation/vat";
import { priceListTierOptions } from "./list";
import { ZOnboardPartner, type TOnboardPartner } from "./schemas";

const CHECK_FIELDS = "Check the highlighted fields.";

/** The zones a partner may be given: those the form offers that PostgreSQL knows too (rating converts with it). */
export async function partnerTimeZones(db: Pick<Db, "$queryRaw">): Promise<string[]> {
  const known = await db.$queryRaw<{ name: string }[]>`SELECT name FROM pg_timezone_names`;
  const names = new Set(known.map((row) => row.name));
  return timeZoneChoices().filter((zone) => names.has(zone));
}

/**
 * What the schema cannot know, checked against the database so the form shows every field's error
 * at once: the country and tier exist, PostgreSQL knows the zone, the admin's e-mail is free. The
 * e-mail's unique index still decides at the insert (a concurrent onboarding).
 */
async function databaseIssues(db: Db, values: Partial<TOnboardPartner>) {
  const [country, tier, zone, user] = await Promise.all([
    values.countryCode ? db.country.findUnique({ where: { code: values.countryCode }, select: { code: true } }) : null,
    values.tierId ? db.priceListTier.findUnique({ where: { id: values.tierId }, select: { id: true } }) : null,
    values.timeZone ? db.$queryRaw<unknown[]>`SELECT 1 FROM pg_timezone_names WHERE name = ${values.timeZone}` : null,
    values.adminEmail ? db.user.findUnique({ where: { email: values.adminEmail }, select: { id: true } }) : null,
  ]);
  const issues: { path: string[]; message: string }[] = [];
  if (values.countryCode && !country) issues.push({ path: ["countryCode"], message: "Choose a country from the list" });
  if (values.tierId && !tier) issues.push({ path: ["tierId"], message: "Choose a price-list tier from the list" });
  if (values.timeZone && zone && zone.length === 0)
    issues.push({ path: ["timeZone"], message: "Choose a time zone from the list" });
  if (user) issues.push({ path: ["adminEmail"], message: EMAIL_TAKEN });
  return issues;
}

/** Each field that is valid on its own: those are still checked against the database when others are not. */
function fieldsThatParse(input: unknown): Partial<TOnboardPartner> {
  const raw = (input && typeof input === "object" ? input : {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(ZOnboardPartner.shape).flatMap(([key, schema]) => {
      const field = schema.safeParse(raw[key]);
      return field.success ? [[key, field.data]] : [];
    }),
  );
}

/** The input parsed, or INVALID with every field's messages: the schema's and the database's together. */
async function parseOnboarding(db: Db, input: unknown): Promise<TOnboardPartner> {
  const control = controlCharacterIssues(input);
  if (control.length) throw new AppError("INVALID", CHECK_FIELDS, fieldErrorsOf(control));
  const parsed = ZOnboardPartner.safeParse(input);
  const issues = [
    ...(parsed.error?.issues ?? []),
    ...(await databaseIssues(db, parsed.success ? parsed.data : fieldsThatParse(input))),
  ];
  if (issues.length || !parsed.success) throw new AppError("INVALID", CHECK_FIELDS, fieldErrorsOf(issues));
  return parsed.data;
}

/**
 * Onboards a partner company: the partner, its tier history's first period (from 1970, decision
 * 0041), its first partner admin and that admin's one-time set-password link (mailed through the
 * outbox exactly as a user created on /users; the action asks for delivery), all in one
 * transaction. Returns the partner's id and the link, shown once to the admin.
 */
export async function onboardPartner(db: Db, actor: Actor, input: unknown, now = new Date()) {
  assertCanChange(actor, "partners.manage");
  const values = await parseOnboarding(db, input);
  const vat = checkTaxNumber(values.countryCode, values.vatNumber);
  const vatNumber = vat.ok ? vat.value : values.vatNumber;
  try {
    return await db.$transaction(async (tx) => {
      const partner = await tx.partner.create({
        data: {
          name: values.name,
          countryCode: values.countryCode,
          vatNumber,
          billingEmail: values.billingEmail,
          timeZone: values.timeZone,
          tierId: values.tierId,
        },
        select: { id: true, tier: { select: { code: true } } },
      });
      await tx.partnerTierPeriod.create({ data: firstTierPeriodRow({ partnerId: partner.id, tierId: values.tierId }) });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "partner.onboarded",
        entityType: "Partner",
        entityId: partner.id,
        detail: {
          name: values.name,
          countryCode: values.countryCode,
          vatNumber,
          billingEmail: values.billingEmail,
          timeZone: values.timeZone,
          tier: partner.tier.code,
          adminEmail: values.adminEmail,
        },
      });
      const { user, link, expiresAt } = await createInvitedUser(
        tx,
        actor,
        {
          name: values.adminName,
          email: values.adminEmail,
          role: "PARTNER",
          isPartnerAdmin: true,
          partnerId: partner.id,
          customerId: null,
        },
        now,
      );
      return { partnerId: partner.id, adminEmail: user.email, link, expiresAt };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("INVALID", CHECK_FIELDS, { adminEmail: [EMAIL_TAKEN] });
    throw error;
  }
}

/** What the onboarding form offers: every country, every price-list tier, and the zones (by their IANA names). */
export async function onboardingOptions(db: Db, actor: Actor) {
  assertCanChange(actor, "partners.manage");
  const [countries, tiers, timeZones] = await Promise.all([
    db.country.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } }),
    priceListTierOptions(db, actor),
    partnerTimeZones(db),
  ]);
  return { countries, tiers: tiers.map(({ id, name }) => ({ id, name })), timeZones };
}
