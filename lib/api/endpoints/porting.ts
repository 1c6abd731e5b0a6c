import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { MAX_PORTING_NUMBERS } from "@/lib/porting/numbers";
import { ZPortingStep, ZSubmitPorting } from "@/lib/porting/schemas";
import { PORTING_STATUSES } from "@/lib/porting/transitions";
import { ACCEPTED_UPLOAD_TYPES } from "@/lib/storage/validate-upload";
import { pageOf, pageQuery, ZCreatedCursor } from "../cursor";
import { defineEndpoint, type ApiEndpoint } from "../endpoint";
import { ZApiPerson } from "./people";

const TAG = "Porting";
const ZInstant = z.iso.datetime();

const STATUS_WORDS =
  "SUBMITTED, IN_PROGRESS (the operator works on it), SCHEDULED (`portingAt` is set), COMPLETED (the numbers " +
  "are the PBX's), REJECTED (see `rejectionReason`), CANCELLED";

/** A port-in request (R10) as the partner's porting list shows it. */
export const ZApiPortingRequest = z
  .object({
    id: z.string(),
    status: z.enum(PORTING_STATUSES).describe(STATUS_WORDS),
    pbxId: z.string(),
    currentOperator: z.string(),
    accountHolder: z.string(),
    requestedDate: z.iso.date().nullable().describe("The day the partner asked for."),
    portingAt: ZInstant.nullable().describe(
      "When incoming calls switch to CLASSOUND, set by the operator when it schedules the port.",
    ),
    rejectionReason: z.string().nullable(),
    completedAt: ZInstant.nullable(),
    version: z.number().int().describe("Changes with every step: send it back when cancelling."),
    numbers: z.array(
      z.object({
        e164: z.string(),
        countryCode: z.string(),
        phoneNumberId: z.string().nullable().describe("The number in the PBX's inventory, once ported."),
      }),
    ),
    createdAt: ZInstant,
    updatedAt: ZInstant,
  })
  .meta({ id: "PortingRequest" });

/** With the letter of authorization and the timeline, as the request's page shows them. */
export const ZApiPortingRequestDetail = ZApiPortingRequest.extend({
  loa: z
    .object({ id: z.string(), fileName: z.string(), sizeBytes: z.number().int() })
    .nullable()
    .describe("The signed letter of authorization; null only on requests older than it."),
  history: z.array(z.object({ at: ZInstant, type: z.string(), message: z.string(), by: ZApiPerson })),
}).meta({ id: "PortingRequestDetail" });

const ZPortingParams = z.object({ id: ZId });

export const listPortingRequestsEndpoint = defineEndpoint({
  method: "GET",
  path: "/porting-requests",
  tag: TAG,
  summary: "List porting requests",
  description: "The partner's port-in requests, oldest first, a page at a time.",
  scope: "porting:read",
  query: pageQuery(ZCreatedCursor).extend({
    status: z.enum(PORTING_STATUSES).optional().describe(STATUS_WORDS),
    pbxId: ZId.optional().describe("Only the requests to this PBX."),
  }),
  response: pageOf(ZApiPortingRequest),
});

export const getPortingRequestEndpoint = defineEndpoint({
  method: "GET",
  path: "/porting-requests/{id}",
  tag: TAG,
  summary: "Read a porting request",
  scope: "porting:read",
  params: ZPortingParams,
  response: ZApiPortingRequestDetail,
});

export const submitPortingRequestEndpoint = defineEndpoint({
  method: "POST",
  path: "/porting-requests",
  tag: TAG,
  summary: "Submit a porting request",
  description:
    `Asks for up to ${MAX_PORTING_NUMBERS} numbers of one country to be ported in to a PBX with CLASSOUND active, ` +
    "with the signed letter of authorization, as the portal's form does. Numbers CLASSOUND already holds or " +
    "another open request ports are refused beside `numbers`.",
  scope: "porting:write",
  body: ZSubmitPorting.extend({
    numbers: ZSubmitPorting.shape.numbers.describe(
      "E.164 numbers (+ and country code), one per line or separated by commas.",
    ),
    requestedDate: ZSubmitPorting.shape.requestedDate.describe("The day you would like, YYYY-MM-DD: today or later."),
    loa: z.file().describe("The signed letter of authorization: PDF, PNG or JPEG."),
  }),
  upload: { mediaTypes: Object.keys(ACCEPTED_UPLOAD_TYPES) },
  response: ZApiPortingRequestDetail,
  status: 201,
});

export const cancelPortingRequestEndpoint = defineEndpoint({
  method: "POST",
  path: "/porting-requests/{id}/cancel",
  tag: TAG,
  summary: "Cancel a porting request",
  description:
    "Until the port is scheduled (SUBMITTED or IN_PROGRESS); then both operators have committed to the switch, " +
    "so ask support instead. 409 when the request is past that, or changed since `version` was read.",
  scope: "porting:write",
  params: ZPortingParams,
  body: ZPortingStep.pick({ version: true }),
  response: ZApiPortingRequestDetail,
  problems: { 409: "The request cannot be cancelled now, or changed since it was read." },
});

/** The porting operations of /api/v1. */
export const PORTING_ENDPOINTS: ApiEndpoint[] = [
  listPortingRequestsEndpoint,
  submitPortingRequestEndpoint,
  getPortingRequestEndpoint,
  cancelPortingRequestEndpoint,
] as ApiEndpoint[];
