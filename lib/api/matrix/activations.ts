import { germanRequiredDocuments, makeActivationDraft } from "@/lib/testing/api-fixtures-activations";
import { makePbx } from "@/lib/testing/fixtures";
import { sampleFiles } from "@/lib/testing/sample-files";
import {
  createActivationEndpoint,
  getActivationEndpoint,
  listActivationsEndpoint,
  submitActivationEndpoint,
  updateActivationEndpoint,
  uploadActivationDocumentEndpoint,
} from "../endpoints/activations";
import type { MatrixCase } from "../testing/matrix-case";

const owned = (draft: Awaited<ReturnType<typeof makeActivationDraft>>) => [draft.request.id, draft.pbx.id];

export default [
  {
    endpoint: listActivationsEndpoint,
    foreign: "empty",
    prepare: async (prisma, tenant) => {
      const draft = await makeActivationDraft(prisma, tenant);
      return { call: { query: { pbxId: draft.pbx.id } }, owned: owned(draft) };
    },
  },
  {
    endpoint: getActivationEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const draft = await makeActivationDraft(prisma, tenant);
      return { call: { params: { id: draft.request.id } }, owned: owned(draft) };
    },
  },
  {
    endpoint: createActivationEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const [pbx] = await Promise.all([makePbx(prisma, tenant.customer.id), germanRequiredDocuments(prisma)]);
      return { call: { body: { pbxId: pbx.id, countryCode: "DE" } }, owned: [pbx.id, pbx.name, pbx.serial] };
    },
  },
  {
    endpoint: updateActivationEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const draft = await makeActivationDraft(prisma, tenant);
      return { call: { params: { id: draft.request.id }, body: { city: "Hamburg" } }, owned: owned(draft) };
    },
  },
  {
    endpoint: uploadActivationDocumentEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const draft = await makeActivationDraft(prisma, tenant);
      const rawBody = new FormData();
      rawBody.append("file", new Blob([Buffer.from(sampleFiles.pdf())]), "extract.pdf");
      const slot = draft.request.documents[0]!;
      return { call: { params: { id: draft.request.id, documentId: slot.id }, rawBody }, owned: owned(draft) };
    },
  },
  {
    endpoint: submitActivationEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const draft = await makeActivationDraft(prisma, tenant, { uploaded: true });
      return { call: { params: { id: draft.request.id } }, owned: owned(draft) };
    },
  },
] satisfies MatrixCase[];
