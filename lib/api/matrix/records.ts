import { storedSms } from "@/lib/testing/api-fixtures-records";
import { storedCall } from "@/lib/testing/calls";
import { listCallsEndpoint, listSmsEndpoint } from "../endpoints/records";
import type { MatrixCase } from "../testing/matrix-case";

const OCTOBER = { query: { month: "2026-10" } };

export default [
  {
    endpoint: listCallsEndpoint,
    foreign: "empty",
    prepare: async (prisma, tenant) => {
      const call = storedCall(tenant);
      await prisma.callRecord.create({ data: call });
      return { call: OCTOBER, owned: [call.externalId, tenant.pbx.id] };
    },
  },
  {
    endpoint: listSmsEndpoint,
    foreign: "empty",
    prepare: async (prisma, tenant) => {
      const sms = storedSms(tenant);
      await prisma.smsRecord.create({ data: sms });
      return { call: OCTOBER, owned: [sms.externalId, tenant.pbx.id] };
    },
  },
] satisfies MatrixCase[];
