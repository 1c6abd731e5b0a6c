import { makePriceList, putPartnerOnTier } from "@/lib/testing/price-lists";
import { getPriceListEndpoint, priceListPdfEndpoint, priceListXlsxEndpoint } from "../endpoints/pricelists";
import type { MatrixCase } from "../testing/matrix-case";

/**
 * Price lists belong to a tier, not to a partner, and the two test partners share theirs: the tenant
 * moves to a tier of its own (once), so what it reads is no other partner's and another partner
 * naming that tier is told it does not exist.
 */
async function ownTier(prisma: Parameters<MatrixCase["prepare"]>[0], tenant: Parameters<MatrixCase["prepare"]>[1]) {
  const code = `MATRIX_${tenant.partner.id.slice(-8).toUpperCase()}`;
  const name = `Matrix list ${code}`;
  if (!(await prisma.priceList.count({ where: { tier: { code } } }))) {
    await makePriceList(prisma, code, { name, areas: { 1: "0.01100" } });
    await putPartnerOnTier(prisma, tenant, code);
  }
  return { call: { query: { tier: code } }, owned: [code, name] };
}

export default [getPriceListEndpoint, priceListPdfEndpoint, priceListXlsxEndpoint].map((endpoint): MatrixCase => ({
  endpoint,
  foreign: "not-found",
  prepare: ownTier,
}));
