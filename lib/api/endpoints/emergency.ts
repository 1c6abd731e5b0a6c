import { z } from "zod";
import { EMERGENCY_STATUSES } from "@/lib/emergency/schemas";
import { ZSite } from "@/lib/emergency/validation/site-schema";
import { ZId } from "@/lib/http/ids";
import { cursorParam, pageOf, pageQuery, ZCreatedCursor, ZLimit } from "../cursor";
import { defineEndpoint, type ApiEndpoint } from "../endpoint";

const TAG = "Emergency locations";
const ZInstant = z.iso.datetime();

const ZCoordinate = z.string().nullable().describe('Decimal degrees with 6 decimals, e.g. "45.464211".');

/** A site as the portal's sites table shows it: the location sent to the answering point (R13). */
export const ZApiSite = z
  .object({
    id: z.string(),
    customerId: z.string(),
    name: z.string(),
    street: z.string(),
    houseNumber: z.string(),
    postcode: z.string(),
    city: z.string(),
    region: z.string().nullable(),
    countryCode: z.string(),
    building: z.string().nullable(),
    floor: z.string().nullable(),
    room: z.string().nullable(),
    latitude: ZCoordinate,
    longitude: ZCoordinate,
    callbackNumber: z.string().nullable().describe("E.164; an E911 (US) site always has one."),
    numberCount: z.number().int().describe("How many numbers use this site."),
    createdAt: ZInstant,
    updatedAt: ZInstant,
  })
  .meta({ id: "EmergencySite" });

const STATUS_WORDS =
  "NO_LOCATION (no location), PENDING (pending registration), ACTIVE (registered with the emergency network), " +
  "CHANGES_REQUIRED (the operator sent it back: see `statusReason`)";

const ZStatus = z.enum(EMERGENCY_STATUSES);

/** A number that needs an emergency location (R13), with its site and where its registration stands. */
export const ZApiEmergencyNumber = z
  .object({
    id: z.string(),
    e164: z.string(),
    countryCode: z.string(),
    regime: z
      .enum(["E112", "E911"])
      .describe("E112 (EU and others): the caller's location; E911 (US): a dispatchable location."),
    pbxId: z.string(),
    status: ZStatus.describe(STATUS_WORDS),
    statusReason: z.string().nullable().describe("What the operator asked to change (CHANGES_REQUIRED)."),
    statusChangedAt: ZInstant.nullable(),
    site: ZApiSite.omit({ numberCount: true }).nullable(),
  })
  .meta({ id: "EmergencyNumber" });

const ZSiteParams = z.object({ id: ZId });

export const listSitesEndpoint = defineEndpoint({
  method: "GET",
  path: "/emergency/sites",
  tag: TAG,
  summary: "List emergency sites",
  description: "The sites of the partner's customers, oldest first, a page at a time.",
  scope: "emergency:read",
  query: pageQuery(ZCreatedCursor).extend({
    customerId: ZId.optional().describe("Only this customer's sites."),
    q: z.string().trim().min(1).max(100).optional().describe("Part of the site's name."),
  }),
  response: pageOf(ZApiSite),
});

export const getSiteEndpoint = defineEndpoint({
  method: "GET",
  path: "/emergency/sites/{id}",
  tag: TAG,
  summary: "Read an emergency site",
  scope: "emergency:read",
  params: ZSiteParams,
  response: ZApiSite,
});

export const createSiteEndpoint = defineEndpoint({
  method: "POST",
  path: "/emergency/sites",
  tag: TAG,
  summary: "Create an emergency site",
  description:
    "A place one customer's numbers can be assigned to, checked as the portal's site form checks it: the " +
    "postcode of its country, coordinates inside it, and for the US (E911) a dispatchable location with a " +
    "callback number. A site name is unique per customer (409).",
  scope: "emergency:write",
  body: ZSite.safeExtend({ customerId: ZId.describe("The customer whose numbers will use the site.") }),
  response: ZApiSite,
  status: 201,
});

export const updateSiteEndpoint = defineEndpoint({
  method: "PUT",
  path: "/emergency/sites/{id}",
  tag: TAG,
  summary: "Replace an emergency site",
  description:
    "Every field, as on creation (the customer stays). When what reaches the answering point changes, each " +
    "number at the site goes back to PENDING until the operator registers it again.",
  scope: "emergency:write",
  params: ZSiteParams,
  body: ZSite,
  response: ZApiSite,
});

const ZNumberCursor = z.tuple([z.string().regex(/^\+\d{1,15}$/)]);

export const listEmergencyNumbersEndpoint = defineEndpoint({
  method: "GET",
  path: "/emergency/numbers",
  tag: TAG,
  summary: "List numbers that need an emergency location",
  description:
    "The partner's numbers on a PBX in a country with E112 or E911 (FreePhone numbers never call out), in " +
    "number order, a page at a time. `status=NO_LOCATION&status=CHANGES_REQUIRED` lists what the portal's " +
    "compliance view counts as missing a location.",
  scope: "emergency:read",
  query: z.object({
    cursor: cursorParam(ZNumberCursor),
    limit: ZLimit,
    status: z
      .union([ZStatus, z.array(ZStatus).max(EMERGENCY_STATUSES.length)])
      .transform((value) => [value].flat())
      .optional()
      .describe(`Only these statuses (repeat the parameter for several): ${STATUS_WORDS}.`),
    pbxId: ZId.optional().describe("Only this PBX's numbers."),
    q: z.string().trim().min(1).max(30).optional().describe("Any part of the number's digits."),
  }),
  response: pageOf(ZApiEmergencyNumber),
});

const ZNumberParams = z.object({ id: ZId });

export const getEmergencyNumberEndpoint = defineEndpoint({
  method: "GET",
  path: "/emergency/numbers/{id}",
  tag: TAG,
  summary: "Read a number's emergency location",
  description: "404 for a number that needs none (see the list).",
  scope: "emergency:read",
  params: ZNumberParams,
  response: ZApiEmergencyNumber,
});

export const setEmergencyNumberEndpoint = defineEndpoint({
  method: "PUT",
  path: "/emergency/numbers/{id}",
  tag: TAG,
  summary: "Set a number's emergency location",
  description:
    "Points the number at a site of its PBX's customer, in the number's country (E112 routes to the answering " +
    "point of that country). The number then waits for the operator's registration (PENDING); the same site " +
    "again changes nothing.",
  scope: "emergency:write",
  params: ZNumberParams,
  body: z.object({ siteId: ZId.describe("A site of the number's customer (see the sites).") }),
  response: ZApiEmergencyNumber,
});

/** The emergency operations of /api/v1. */
export const EMERGENCY_ENDPOINTS: ApiEndpoint[] = [
  listSitesEndpoint,
  createSiteEndpoint,
  getSiteEndpoint,
  updateSiteEndpoint,
  listEmergencyNumbersEndpoint,
  getEmergencyNumberEndpoint,
  setEmergencyNumberEndpoint,
] as ApiEndpoint[];
