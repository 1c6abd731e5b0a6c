import type { Actor } from "@/lib/auth/actor";
import { assertCanChange, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { PUBLISHED_ACTION } from "./import/publish";
import { PUBLISHED } from "./price-list-in-force";

// Drafts (docs/decisions/0057): versions stored unpublished, the reference catalogue of a production
// start. No quote, rating or partner reads one; an admin reviews it and publishes it, or replaces it
// by importing a workbook (lib/pricing/import/publish.ts).

/**
 * When a draft dated `validFrom` takes effect if published at `now`:
 * - dated today or later: on its date;
 * - dated in the past, on a tier that has had a version in force: now (its date moves to now), so
 *   the calls already priced keep their prices (decision 0041: the past is not re-priced);
 * - dated in the past, on a tier that never had one: now for quotes, and it keeps its date, so the
 *   calls since then that no version could price are priced with it when rated again.
 */
export function draftTakesEffect(validFrom: Date, publishedValidFroms: Date[], now: Date) {
  if (validFrom >= now) return { validFrom, startsNow: false, pricesUnpricedSince: null };
  if (publishedValidFroms.some((date) => date <= now))
    return { validFrom: now, startsNow: true, pricesUnpricedSince: null };
  return { validFrom, startsNow: true, pricesUnpricedSince: validFrom };
}
export type DraftEffect = ReturnType<typeof draftTakesEffect>;

/** The confirmation an admin reads before publishing: from when the draft is in force. */
export function draftEffectSentence(dated: Date, effect: DraftEffect) {
  if (!effect.startsNow)
    return `It takes effect on ${formatDate(dated)}: quotes and calls from that day use it. Partners on this tier can read it and are told at once.`;
  const since = effect.pricesUnpricedSince
    ? ` No version was ever in force for this tier: calls since ${formatDate(dated)} that have no price are priced with it.`
    : " Calls before now keep the prices they had.";
  return `It takes effect now: its date, ${formatDate(dated)}, has passed.${since} Partners on this tier are told at once.`;
}

/**
 * Publishes a draft: from now on it is a version like any other, in force from when
 * `draftTakesEffect` says. Audited as a publication, so the notices' catch-up finds it; the caller
 * queues the partners' notices and the re-rating of unpriced calls once this has committed.
 */
export async function publishDraft(db: Db, actor: Actor, input: { priceListId: string }, now = new Date()) {
  assertCanChange(actor, "pricelist.manage");
  return db.$transaction(async (tx) => {
    const draft = await tx.priceList.findFirst({
      where: { AND: [{ id: input.priceListId }, { tier: scope.priceListTiers(actor) }] },
      select: { id: true, name: true, validFrom: true, publishedAt: true, tier: { select: { id: true, code: true } } },
    });
    if (!draft) throw new AppError("NOT_FOUND", "No such draft.");
    if (draft.publishedAt) throw new AppError("CONFLICT", `${draft.name} is already published.`);
    const published = await tx.priceList.findMany({
      where: { tierId: draft.tier.id, ...PUBLISHED },
      select: { validFrom: true },
    });
    const effect = draftTakesEffect(
      draft.validFrom,
      published.map((p) => p.validFrom),
      now,
    );
    // Only while still a draft: of two admins publishing it at once, or one replacing it, one wins.
    const { count } = await tx.priceList.updateMany({
      where: { id: draft.id, publishedAt: null },
      data: { publishedAt: now, validFrom: effect.validFrom },
    });
    if (!count) throw new AppError("CONFLICT", `${draft.name} was published or replaced meanwhile. Reload the page.`);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: PUBLISHED_ACTION,
      entityType: "PriceList",
      entityId: draft.id,
      detail: {
        tier: draft.tier.code,
        validFrom: effect.validFrom.toISOString(),
        draft: true,
        dated: draft.validFrom.toISOString(),
      },
    });
    return { id: draft.id, name: draft.name, validFrom: effect.validFrom, tierCode: draft.tier.code };
  });
}
