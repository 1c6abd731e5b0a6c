import { randomBytes } from "node:crypto";
import { getPbxEndpoint, listPbxsEndpoint, registerPbxEndpoint } from "../endpoints/pbxs";
import type { MatrixCase } from "../testing/matrix-case";

const owned = (pbx: { id: string; serial: string; name: string }) => [pbx.id, pbx.serial, pbx.name];

export default [
  {
    endpoint: listPbxsEndpoint,
    foreign: "empty",
    prepare: async (_prisma, tenant) => ({ call: {}, owned: owned(tenant.pbx) }),
  },
  {
    endpoint: getPbxEndpoint,
    foreign: "not-found",
    prepare: async (_prisma, tenant) => ({ call: { params: { id: tenant.pbx.id } }, owned: owned(tenant.pbx) }),
  },
  {
    endpoint: registerPbxEndpoint,
    // The body names the tenant's customer: another partner's key is told it does not exist.
    foreign: "not-found",
    prepare: async (_prisma, tenant) => ({
      call: {
        body: {
          customerId: tenant.customer.id,
          serial: `CS-MTX-${randomBytes(4).toString("hex").toUpperCase()}`,
          name: "Matrix office",
          licensing: "PER_USER",
          licensePlan: "YEARLY",
          termStart: "2026-05-01",
          termEnd: "2027-05-01",
          basic: 2,
          essential: 0,
          business: 1,
          premium: 0,
          softwareVersion: "6.01.20240310.2",
        },
      },
      owned: [tenant.customer.id, tenant.customer.name],
    }),
  },
] satisfies MatrixCase[];
