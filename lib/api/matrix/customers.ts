import { listCustomersEndpoint } from "../endpoints/customers";
import type { MatrixCase } from "../testing/matrix-case";

export default [
  {
    endpoint: listCustomersEndpoint,
    foreign: "empty",
    prepare: async (_prisma, tenant) => ({ call: {}, owned: [tenant.customer.id, tenant.customer.name] }),
  },
] satisfies MatrixCase[];
