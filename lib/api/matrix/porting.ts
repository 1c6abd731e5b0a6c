import { sampleFiles } from "@/lib/testing/sample-files";
import { berlinNumbers, makePortablePbx, makePortingRequest } from "@/lib/testing/support-fixtures";
import {
  cancelPortingRequestEndpoint,
  getPortingRequestEndpoint,
  listPortingRequestsEndpoint,
  submitPortingRequestEndpoint,
} from "../endpoints/porting";
import type { MatrixCase } from "../testing/matrix-case";

const owned = (request: { id: string; currentOperator: string; numbers: { e164: string }[] }) => [
  request.id,
  request.currentOperator,
  ...request.numbers.map((n) => n.e164),
];

export default [
  {
    endpoint: listPortingRequestsEndpoint,
    foreign: "empty",
    prepare: async (prisma, tenant) => {
      const request = await makePortingRequest(prisma, tenant, tenant.pbx.id);
      return { call: {}, owned: owned(request) };
    },
  },
  {
    endpoint: getPortingRequestEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const request = await makePortingRequest(prisma, tenant, tenant.pbx.id);
      return { call: { params: { id: request.id } }, owned: owned(request) };
    },
  },
  {
    endpoint: submitPortingRequestEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const pbx = await makePortablePbx(prisma, tenant);
      const form = new FormData();
      const fields = {
        pbxId: pbx.id,
        numbers: berlinNumbers(2).join("\n"),
        currentOperator: "Deutsche Telekom",
        accountHolder: "Matrix GmbH",
        requestedDate: "2999-06-01",
      };
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      form.set("loa", new File([sampleFiles.pdf("LOA")], "loa.pdf", { type: "application/pdf" }));
      return { call: { rawBody: form }, owned: [pbx.id, pbx.name, pbx.serial] };
    },
  },
  {
    endpoint: cancelPortingRequestEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const request = await makePortingRequest(prisma, tenant, tenant.pbx.id);
      return { call: { params: { id: request.id }, body: { version: request.version } }, owned: owned(request) };
    },
  },
] satisfies MatrixCase[];
