import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { catalogueOfVersion } from "../catalogue";
import { formatPrice, priceListSections } from "../documents/sections";
import { diffPricePoints, pricePoints, withPrice } from "../price-changes";
import { shownChanges } from "../price-changes-view";
import { PRICE_PLACES } from "../rounding";
import { readPriceListWorkbook, type CellError, type ReadSection } from "./read-workbook";
import { versionRowsOf } from "./to-version";

/** The audit entry written with a published version; the notices' catch-up run looks for it. */
export const PUBLISHED_ACTION = "pricelist.published";

/** A tier the actor may manage, by code; anything else is NOT_FOUND. */
async function managedTier(db: Db, actor: Actor, tierCode: string) {
  assertCan(actor, "pricelist.manage");
  const tier = await db.priceListTier.findFirst({
    where: { AND: [scope.priceListTiers(actor), { code: tierCode }] },
    select: { id: true, code: true, name: true },
  });
  if (!tier) throw new AppError("NOT_FOUND", "No such price-list tier.");
  return tier;
}

/**
 * The tier's latest version (the one an admin exports to edit) as the sections a workbook is read
 * against. It may be a draft (docs/decisions/0057): what is published from it then replaces it.
 */
async function latestVersion(db: Db, actor: Actor, tierCode: string) {
  const tier = await managedTier(db, actor, tierCode);
  const latest = await db.priceList.findFirst({
    where: { tierId: tier.id },
    orderBy: { validFrom: "desc" },
    select: { id: true },
  });
  const base = latest && (await catalogueOfVersion(db, tier.id, latest.id, { drafts: true }));
  if (!latest || !base)
    throw new AppError("INVALID", `${tier.name} has no price list yet to compare the workbook with.`);
  const countries = await db.country.findMany({ select: { code: true, name: true } });
  return {
    tier,
    base: {
      id: latest.id,
      name: base.name,
      currency: base.currency,
      validFrom: base.validFrom,
      isDraft: Boolean(base.isDraft),
    },
    sections: priceListSections(base),
    countryCodeOf: new Map(countries.map((c) => [c.name, c.code])),
  };
}
type Latest = Awaited<ReturnType<typeof latestVersion>>;

/** A new version's rows and its differences from the latest, from sections as read (or edited). */
function candidate(latest: Latest, read: { sections: ReadSection[]; errors: CellError[]; warnings: CellError[] }) {
  const version = versionRowsOf(read.sections, latest.countryCodeOf);
  return {
    tier: latest.tier,
    base: latest.base,
    errors: [...read.errors, ...version.errors],
    warnings: read.warnings,
    changes: diffPricePoints(pricePoints(latest.sections), pricePoints(read.sections)),
    rows: version.rows,
  };
}
type Candidate = ReturnType<typeof candidate>;

/**
 * Reads an edited workbook against the tier's latest version: every problem with its sheet and
 * cell, and every price that would rise, fall, appear or disappear. Nothing is stored.
 */
export async function checkPriceListImport(db: Db, actor: Actor, tierCode: string, file: Uint8Array) {
  const latest = await latestVersion(db, actor, tierCode);
  const read = await readPriceListWorkbook(
    Buffer.from(file),
    latest.sections,
    new Set(latest.countryCodeOf.keys()),
  ).catch(() => {
    throw new AppError(
      "INVALID",
      "This file is not an Excel workbook (.xlsx). Export the price list, edit it and upload it again.",
    );
  });
  return candidate(latest, read);
}

/** The prices of the tier's latest version, each with the key that names it in a one-price change. */
export async function editablePrices(db: Db, actor: Actor, tierCode: string) {
  const latest = await latestVersion(db, actor, tierCode);
  return {
    base: latest.base,
    prices: [...pricePoints(latest.sections)].map(([key, p]) => ({
      key,
      section: p.section,
      label: `${p.item} — ${p.column}`,
      price: formatPrice(p.price, p.kind),
      places: PRICE_PLACES[p.kind],
    })),
  };
}

/**
 * A new version that differs from the latest by one price (a small change made in the browser):
 * the latest version's sections with that cell replaced, checked and published like a workbook.
 */
export async function publishPriceEdit(
  db: Db,
  actor: Actor,
  input: { tierCode: string; key: string; price: string; validFrom: Date },
  now = new Date(),
) {
  const latest = await latestVersion(db, actor, input.tierCode);
  const point = pricePoints(latest.sections).get(input.key);
  if (!point)
    throw new AppError("INVALID", "This price is not in the latest version. Reload the page.", {
      key: ["Choose a price from the list."],
    });
  const price = new Prisma.Decimal(input.price);
  if (price.decimalPlaces() > PRICE_PLACES[point.kind])
    throw new AppError("INVALID", "Check the highlighted fields.", {
      price: [`At most ${PRICE_PLACES[point.kind]} decimal places for this price.`],
    });
  const sections = withPrice(latest.sections, input.key, price)!;
  return publishCandidate(
    db,
    actor,
    candidate(latest, {
      sections: sections.map((s) => ({ ...s, rowNumbers: s.rows.map((_, i) => i + 2) })),
      errors: [],
      warnings: [],
    }),
    input.validFrom,
    now,
  );
}

/** The check's answer as the browser receives it (prices as text, at their precision). */
export function importReport(check: Candidate) {
  return {
    base: { name: check.base.name, validFrom: formatDate(check.base.validFrom), isDraft: check.base.isDraft },
    errors: check.errors,
    warnings: check.warnings,
    changes: shownChanges(check.changes),
  };
}

const startOfDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

/**
 * Publishes an edited workbook as a new version of the tier, in force from `validFrom` (today or
 * later: the past is not rewritten). The workbook is checked again here, whatever the browser
 * previewed; a workbook with any problem, or with no change at all, is refused. Every row is
 * written in one transaction, with its audit entry; a draft it was compared with is deleted in the
 * same one, since it never was in force (docs/decisions/0057). Partners are told by a job (see
 * price-list-notices), which the caller queues once this has committed.
 */
export async function publishPriceListImport(
  db: Db,
  actor: Actor,
  input: { tierCode: string; file: Uint8Array; validFrom: Date },
  now = new Date(),
) {
  return publishCandidate(
    db,
    actor,
    await checkPriceListImport(db, actor, input.tierCode, input.file),
    input.validFrom,
    now,
  );
}

async function publishCandidate(db: Db, actor: Actor, check: Candidate, requestedValidFrom: Date, now: Date) {
  if (check.errors.length)
    throw new AppError(
      "INVALID",
      `The workbook has ${check.errors.length} problem${check.errors.length === 1 ? "" : "s"}. Fix ${check.errors.length === 1 ? "it" : "them"} and upload it again.`,
    );
  if (!check.changes.length)
    throw new AppError(
      "INVALID",
      check.base.isDraft
        ? "No price differs from the draft: publish the draft itself instead."
        : "No price differs from the current version: there is nothing to publish.",
    );
  const validFrom = startOfDay(requestedValidFrom);
  if (validFrom < startOfDay(now))
    throw new AppError("INVALID", "The effective date cannot be in the past.", {
      validFrom: ["Choose today or a later date."],
    });
  const { tier, rows, base } = check;
  try {
    return await db.$transaction(async (tx) => {
      // First: the new version may take the draft's date. Only while still a draft (not published meanwhile).
      const replaced = base.isDraft
        ? (await tx.priceList.deleteMany({ where: { id: base.id, publishedAt: null } })).count > 0
        : false;
      const list = await tx.priceList.create({
        data: {
          tierId: tier.id,
          name: `CLASSOUND ${tier.name} ${validFrom.toISOString().slice(0, 10)}`,
          currency: base.currency,
          validFrom,
          smsRate: rows.smsRate!,
          flatFeeBands: { create: rows.flatFeeBands },
          areaRates: { create: rows.areaRates },
          numberPrices: { create: rows.numberPrices },
          freephoneRates: { create: rows.freephoneRates },
        },
        select: { id: true, name: true, validFrom: true },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: PUBLISHED_ACTION,
        entityType: "PriceList",
        entityId: list.id,
        detail: {
          tier: tier.code,
          validFrom: validFrom.toISOString(),
          basedOn: base.id,
          changes: check.changes.length,
          ...(replaced ? { replacedDraft: base.name } : {}),
        },
      });
      return { ...list, tierCode: tier.code };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError(
        "CONFLICT",
        `${tier.name} already has a version in force from ${formatDate(validFrom)}. Choose another date.`,
        { validFrom: ["Another version takes effect on this date."] },
      );
    }
    throw error;
  }
}
