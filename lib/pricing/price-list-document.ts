import { PassThrough, type Readable } from "node:stream";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { catalogueInForce, catalogueOfVersion } from "./catalogue";
import { priceListPdf } from "./documents/pdf";
import { priceListFileName } from "./documents/sections";
import { writePriceListXlsx } from "./documents/xlsx";

export const PRICE_LIST_FORMATS = ["pdf", "xlsx"] as const;
export type PriceListFormat = (typeof PRICE_LIST_FORMATS)[number];

const CONTENT_TYPE: Record<PriceListFormat, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * The price list in force for a tier the actor may see (its own when none is named; or one stored
 * version of it, past or upcoming), as a stream in the format asked for (R8). A tier outside the
 * actor's scope is NOT_FOUND, as is a tier with no version in force and a version of another tier. A draft is a
 * version only for an admin reviewing it (docs/decisions/0057): to anyone else it does not exist.
 */
export async function priceListDocument(
  db: Db,
  actor: Actor,
  tierCode: string | undefined,
  format: PriceListFormat,
  now = new Date(),
  versionId?: string,
) {
  const { tier, catalogue: inForce } = await catalogueInForce(db, actor, tierCode, now);
  const catalogue = versionId
    ? tier && (await catalogueOfVersion(db, tier.id, versionId, { drafts: can(actor, "pricelist.manage") }))
    : inForce;
  if (!catalogue)
    throw new AppError(
      "NOT_FOUND",
      versionId ? "No such price-list version." : "This tier has no price list in force.",
    );
  return {
    fileName: priceListFileName(catalogue, format),
    contentType: CONTENT_TYPE[format],
    stream: render(catalogue, format),
  };
}

function render(catalogue: Parameters<typeof priceListPdf>[0], format: PriceListFormat): Readable {
  if (format === "pdf") return priceListPdf(catalogue);
  const output = new PassThrough();
  writePriceListXlsx(catalogue, output).catch((error: unknown) =>
    output.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return output;
}
