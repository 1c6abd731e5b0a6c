import { makeApiInvoice, nextInvoiceMonth } from "@/lib/testing/api-fixtures-invoices";
import {
  getInvoiceEndpoint,
  invoiceCsvEndpoint,
  invoicePdfEndpoint,
  listInvoicesEndpoint,
} from "../endpoints/invoices";
import type { MatrixCase } from "../testing/matrix-case";

/** An issued invoice of the tenant's (each of its own month: one invoice per partner and month). */
async function issued(prisma: Parameters<MatrixCase["prepare"]>[0], tenant: Parameters<MatrixCase["prepare"]>[1]) {
  const invoice = await makeApiInvoice(prisma, tenant.partner, nextInvoiceMonth(), "ISSUED");
  return { invoice, owned: [invoice.id, invoice.number!] };
}

const byId = (endpoint: MatrixCase["endpoint"]): MatrixCase => ({
  endpoint,
  foreign: "not-found",
  prepare: async (prisma, tenant) => {
    const { invoice, owned } = await issued(prisma, tenant);
    return { call: { params: { id: invoice.id } }, owned };
  },
});

export default [
  {
    endpoint: listInvoicesEndpoint,
    foreign: "empty",
    prepare: async (prisma, tenant) => ({ call: {}, owned: (await issued(prisma, tenant)).owned }),
  },
  byId(getInvoiceEndpoint),
  byId(invoicePdfEndpoint),
  byId(invoiceCsvEndpoint),
] satisfies MatrixCase[];
