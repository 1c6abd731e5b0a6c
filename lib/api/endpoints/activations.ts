import { z } from "zod";
import { refineByCountry } from "@/lib/activations/form-schema";
import { ZLegalEntity, type TLegalEntity } from "@/lib/activations/schemas";
import { ActivationStatus, DocumentReviewStatus } from "@/lib/db/generated/enums";
import { ZId } from "@/lib/http/ids";
import { ACCEPTED_UPLOAD_TYPES } from "@/lib/storage/validate-upload";
import { pageOf, pageQuery, ZCreatedCursor } from "../cursor";
import { defineEndpoint, type ApiEndpoint } from "../endpoint";

const ZInstant = z.iso.datetime();
const TAG = "Activation requests";

const ZApiActivation = z.object({
  id: z.string(),
  status: z.enum(ActivationStatus),
  pbxId: z.string(),
  customerId: z.string(),
  countryCode: z.string().describe("The country of service, whose documents the request needs."),
  legalName: z.string().nullable(),
  submittedAt: ZInstant.nullable(),
  decidedAt: ZInstant.nullable(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
});

const ZApiActivationDocument = z.object({
  id: z.string().describe("The slot's id: its file goes to POST /activations/{id}/documents/{documentId}."),
  name: z.string(),
  description: z.string(),
  mandatory: z.boolean(),
  reviewStatus: z.enum(DocumentReviewStatus),
  reviewComment: z.string().nullable().describe("The reviewer's note: what must change, or that a copy was reused."),
  expiresAt: ZInstant.nullable().describe("When the copy on file stops being valid; null when it does not expire."),
  file: z
    .object({
      id: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
      uploadedAt: ZInstant.nullable(),
    })
    .nullable()
    .describe("Null while nothing is uploaded into the slot."),
});

const ZLegalEntityAsStored = z.object(
  Object.fromEntries(Object.keys(ZLegalEntity.shape).map((field) => [field, z.string().nullable()])) as Record<
    keyof TLegalEntity,
    z.ZodNullable<z.ZodString>
  >,
);

const ZApiActivationDetail = ZApiActivation.extend({
  legalEntity: ZLegalEntityAsStored,
  rejectionReason: z.string().nullable(),
  documents: z.array(ZApiActivationDocument),
  missing: z
    .array(z.object({ target: z.string(), message: z.string() }))
    .describe(
      "What still stands between the request and its submission, all at once: `target` is a legal-entity field, `countryCode`, or `document:<slot id>`.",
    ),
  history: z.array(z.object({ type: z.string(), message: z.string(), at: ZInstant })),
});

const ZCountryOfService = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Give the country of service as its ISO code, e.g. DE");

const ZActivationParams = z.object({ id: ZId });

export const listActivationsEndpoint = defineEndpoint({
  method: "GET",
  path: "/activations",
  tag: TAG,
  summary: "List activation requests",
  description: "The partner's activation requests, oldest first, a page at a time.",
  scope: "activations:read",
  query: pageQuery(ZCreatedCursor).extend({
    status: z.enum(ActivationStatus).optional(),
    pbxId: ZId.optional().describe("Only this PBX's requests."),
  }),
  response: pageOf(ZApiActivation),
});

export const getActivationEndpoint = defineEndpoint({
  method: "GET",
  path: "/activations/{id}",
  tag: TAG,
  summary: "Read an activation request",
  description: "Its status, the reviewer's notes, each document slot with its state, and what is still missing.",
  scope: "activations:read",
  params: ZActivationParams,
  response: ZApiActivationDetail,
});

export const createActivationEndpoint = defineEndpoint({
  method: "POST",
  path: "/activations",
  tag: TAG,
  summary: "Start an activation request",
  description:
    "A draft for one of the partner's PBXs (licensed per user on a subscription, software 5.0 or later) and a " +
    "country of service, with one document slot per document that country requires. Legal-entity fields left out " +
    "keep the customer's profile; documents the customer has on file and still valid are reused.",
  scope: "activations:write",
  body: ZLegalEntity.partial().extend({ pbxId: ZId, countryCode: ZCountryOfService }).superRefine(refineByCountry),
  response: ZApiActivationDetail,
  status: 201,
  problems: {
    409: "The PBX cannot be activated (licensed per user on a subscription, software 5.0 or later), or it has an open request already.",
  },
});

export const updateActivationEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/activations/{id}",
  tag: TAG,
  summary: "Change a draft's form",
  description:
    "The fields sent replace the draft's; the others stay. A new country of service replaces the document slots " +
    "with that country's.",
  scope: "activations:write",
  params: ZActivationParams,
  body: ZLegalEntity.partial().extend({ countryCode: ZCountryOfService.optional() }).superRefine(refineByCountry),
  response: ZApiActivationDetail,
  problems: { 409: "The request is no longer a draft." },
});

export const uploadActivationDocumentEndpoint = defineEndpoint({
  method: "POST",
  path: "/activations/{id}/documents/{documentId}",
  tag: TAG,
  summary: "Upload a document into its slot",
  description:
    "Fills or replaces the slot's file: in a draft any slot, once changes are asked for only the slots the " +
    "reviewer named. The type is read from the file's bytes, never from its name or the declared type.",
  scope: "activations:write",
  params: ZActivationParams.extend({ documentId: ZId }),
  body: z.object({
    file: z.file({ error: "Choose a file to upload." }).describe("The document: a PDF, PNG or JPEG file."),
  }),
  upload: { mediaTypes: Object.keys(ACCEPTED_UPLOAD_TYPES) },
  response: ZApiActivationDocument,
  problems: { 409: "The request is read-only until it is reviewed, or the reviewer did not ask for this document." },
});

export const submitActivationEndpoint = defineEndpoint({
  method: "POST",
  path: "/activations/{id}/submit",
  tag: TAG,
  summary: "Submit an activation request",
  description:
    "Submits a complete draft for review, or resubmits after the requested changes. A request with something " +
    "missing is refused with 400, each missing item in `errors` under its `missing` target.",
  scope: "activations:write",
  params: ZActivationParams,
  response: ZApiActivationDetail,
  problems: { 409: "The request is neither a draft nor waiting for changes." },
});

/** The activation requests operations of /api/v1. */
export const ACTIVATION_ENDPOINTS = [
  listActivationsEndpoint,
  getActivationEndpoint,
  createActivationEndpoint,
  updateActivationEndpoint,
  uploadActivationDocumentEndpoint,
  submitActivationEndpoint,
] as ApiEndpoint[];

export type TApiActivation = z.output<typeof ZApiActivation>;
export type TApiActivationDetail = z.output<typeof ZApiActivationDetail>;
