import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** Every country with the number of documents it requires now (archived ones no longer count). */
export async function listCountriesWithDocumentCounts(db: Db, actor: Actor) {
  assertCan(actor, "catalogue.manage");
  const countries = await db.country.findMany({
    orderBy: { name: "asc" },
    select: {
      code: true,
      name: true,
      isEu: true,
      callTerminationArea: true,
      emergencyRegime: true,
      activationEnabled: true,
      _count: { select: { requiredDocuments: { where: { archivedAt: null } } } },
    },
  });
  return countries.map(({ _count, ...country }) => ({ ...country, requiredDocumentCount: _count.requiredDocuments }));
}
export type CountryRow = Awaited<ReturnType<typeof listCountriesWithDocumentCounts>>[number];

/** A country and the documents it requires now, in the order partners see them. */
export async function countryDetail(db: Db, actor: Actor, code: string) {
  assertCan(actor, "catalogue.manage");
  const country = await db.country.findUnique({
    where: { code: code.toUpperCase() },
    include: {
      requiredDocuments: {
        where: { archivedAt: null },
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
        include: {
          templateFile: { select: { id: true, fileName: true, contentType: true, sizeBytes: true, createdAt: true } },
        },
      },
      _count: { select: { requiredDocuments: { where: { archivedAt: { not: null } } } } },
    },
  });
  if (!country) throw new AppError("NOT_FOUND", "This country does not exist.");
  const { _count, ...rest } = country;
  return { ...rest, archivedDocumentCount: _count.requiredDocuments };
}
export type CountryDetail = Awaited<ReturnType<typeof countryDetail>>;
export type RequiredDocumentRow = CountryDetail["requiredDocuments"][number];
