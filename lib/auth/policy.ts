import type { ActivationAction } from "@/lib/activations/transitions";
import type { PortingAction } from "@/lib/porting/transitions";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";

// The one place that decides who may do what. Pages, actions and route handlers ask `can` or
// `assertCan`; queries take their tenant filter from the scope functions below, never from ids the
// client sent.
export const PERMISSIONS = [
  "admin.area",
  "partner.area",
  "customer.area",
  "pricelist.view",
  /** Price-list versions: export, import an edited workbook, publish a new version. */
  "pricelist.manage",
  "pbx.view",
  "statistics.view",
  "activation.request",
  "activation.review",
  "compliance.view",
  "catalogue.manage",
  "audit.view",
  "notifications.view",
  "file.read",
  "users.manage",
  "account.manage",
  /** Sees rows of every partner, so lists show which partner each belongs to. */
  "partners.view_all",
  /** A partner's own support tickets: open, read, reply, close (R17). */
  "tickets.use",
  /** The support side: the ticket queue, reply, assign, resolve. */
  "tickets.handle",
  /** The SMS tools: the sender-name checker (R15). */
  "sms.view",
  /** Background jobs and the mail outbox's resend: see failures, retry, cancel. */
  "jobs.manage",
  /** Upload CDR files and read every import's report (the operator's side). */
  "cdr.import",
  /** Create and revoke the API keys a PBX posts its call records with. */
  "pbx.api_keys",
  /** R13: numbers' emergency locations and their status (scoped: a partner its own, an end user its customer's). */
  "emergency.view",
  /** R13: define sites and assign them to numbers, within the same scope. */
  "emergency.edit",
  /** R13: the operator's registration step (PENDING -> ACTIVE or CHANGES_REQUIRED). */
  "emergency.register",
  /** See numbers within the scope: a partner its own, an end user its PBXs' (read-only), admins all. */
  "numbers.view",
  /** Search availability, hold blocks and order numbers for the partner's PBXs (R6, R7). */
  "numbers.order",
  /** Release a number, choose the default caller number (R11). */
  "numbers.manage",
  /** The operator's inventory: ranges, imports, every number's history. */
  "numbers.manage_inventory",
  /** Ask for numbers to be ported in to one of the partner's PBXs, and follow or cancel the request (R10). */
  "porting.request",
  /** The operator's side of porting: take a request in hand, schedule, complete or reject it. */
  "porting.handle",
  /** A partner's own customers: register one, edit it (name, legal entity, contacts, time zone), archive and restore it. */
  "customers.manage",
  /** The partner's purchase prices (its tier), beside the End User list prices: its margin (issue 29). */
  "prices.purchase",
  /** Onboard partner companies, change their tier from a date, suspend and reinstate their agreement (issue 31). */
  "partners.manage",
  /** Register PBXs, import them from CSV, record licence changes and cancel a service at its term's end (issue 31). */
  "pbx.manage",
  /** Invoices and credit notes, their PDF and CSV: a partner its own, admins all (issue 33). */
  "invoices.view",
  /** The operator's billing: run a month, issue drafts, mark payments, import a payments file, credit notes. */
  "invoices.manage",
  /** Resale prices and the per-customer re-billing of the month (issue 33): the partner's own. */
  "resale.manage",
  /** The month at the partner's resale prices: an end user its own customer's, never purchase prices. */
  "resale.view",
  /** The partner's API keys for /api/v1 (issue 34): a partner admin's alone, never the operator's staff. */
  "api_keys.manage",
  /** The partner's webhook endpoints and their delivery logs (issue 34): a partner admin's, or an API key's with webhooks scopes. */
  "webhooks.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Actor["role"], readonly Permission[]> = {
  ADMIN: [
    "admin.area",
    "pricelist.view",
    "pbx.view",
    "statistics.view",
    "activation.review",
    "compliance.view",
    "catalogue.manage",
    "audit.view",
    "notifications.view",
    "file.read",
    "users.manage",
    "account.manage",
    "partners.view_all",
    "tickets.handle",
    "sms.view",
    "jobs.manage",
    "cdr.import",
    "pbx.api_keys",
    "numbers.view",
    "numbers.manage_inventory",
    "porting.handle",
    "emergency.view",
    "emergency.register",
    "pricelist.manage",
    "prices.purchase",
    "partners.manage",
    "pbx.manage",
    "invoices.view",
    "invoices.manage",
  ],
  PARTNER: [
    "partner.area",
    "pricelist.view",
    "pbx.view",
    "statistics.view",
    "activation.request",
    "compliance.view",
    "notifications.view",
    "file.read",
    "account.manage",
    "tickets.use",
    "sms.view",
    "pbx.api_keys",
    "numbers.view",
    "numbers.order",
    "numbers.manage",
    "porting.request",
    "emergency.view",
    "emergency.edit",
    "customers.manage",
    "prices.purchase",
    "pbx.manage",
    "invoices.view",
    "resale.manage",
    "resale.view",
  ],
  END_USER: [
    "customer.area",
    "pbx.view",
    "statistics.view",
    "notifications.view",
    "account.manage",
    "numbers.view",
    "emergency.view",
    "emergency.edit",
    "resale.view",
  ],
};

/** The public list price tier, which every partner may show its customers. */
export const END_USER_TIER_CODE = "END_USER";

/** The prices a figure, list, export or page can carry: the partner's purchase price and the End User list price. */
export type PriceColumn = "purchase" | "endUser";

/**
 * Which prices the actor sees, in the order they are shown (issue 29). Everyone sees the End User
 * list price; only the partner and the operator see what the partner pays (its tier): the partner
 * bills its customers, so an end user never sees its reseller's purchase price.
 */
export function visiblePrices(actor: Actor): readonly PriceColumn[] {
  return can(actor, "prices.purchase") ? ["purchase", "endUser"] : ["endUser"];
}

// Held by a PARTNER user only when the partner made them its administrator.
const PARTNER_ADMIN_PERMISSIONS: readonly Permission[] = ["users.manage", "api_keys.manage", "webhooks.manage"];
// Held by a partner API key: a partner admin gave it, and its scopes (checked by apiRoute) say which areas.
const API_KEY_PERMISSIONS: readonly Permission[] = ["webhooks.manage"];

export function can(actor: Actor, permission: Permission): boolean {
  if (ROLE_PERMISSIONS[actor.role].includes(permission)) return true;
  if (actor.role === "PARTNER" && actor.apiKey && API_KEY_PERMISSIONS.includes(permission)) return true;
  return actor.role === "PARTNER" && actor.isPartnerAdmin && PARTNER_ADMIN_PERMISSIONS.includes(permission);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", "You do not have access to this.");
}

/** What a suspended partner is told when it tries to change anything (R9). */
export const AGREEMENT_SUSPENDED_MESSAGE =
  "Your partner agreement is suspended: the portal is read-only, so nothing can be ordered, activated, uploaded or changed. Contact CLASSOUND to reinstate it.";

/**
 * For changes: `assertCan`, and R9's read-only rule. A partner whose agreement is suspended (and its
 * customers' end users) keeps reading its data but may change nothing: no order, no activation, no
 * upload. Reads keep calling `assertCan`; every write calls this instead.
 */
export function assertCanChange(actor: Actor, permission: Permission): void {
  assertCan(actor, permission);
  if (actor.agreementSuspended) throw new AppError("FORBIDDEN", AGREEMENT_SUSPENDED_MESSAGE);
}

/** Whether a page should offer a change (a button, a form): `can`, unless R9 makes the data read-only. */
export function canChange(actor: Actor, permission: Permission): boolean {
  return can(actor, permission) && !actor.agreementSuspended;
}

/** For reads shared by roles with different permissions, e.g. a request seen by its partner and by reviewers. */
export function assertCanAny(actor: Actor, permissions: readonly Permission[]): void {
  if (!permissions.some((permission) => can(actor, permission)))
    throw new AppError("FORBIDDEN", "You do not have access to this.");
}

/** Who may move an activation request along each step of R2's workflow. */
export const ACTIVATION_STEP_PERMISSION: Record<ActivationAction, Permission> = {
  submit: "activation.request",
  resubmit: "activation.request",
  start_review: "activation.review",
  approve: "activation.review",
  reject: "activation.review",
  request_changes: "activation.review",
};

export function assertCanTakeStep(actor: Actor, action: ActivationAction): void {
  assertCanChange(actor, ACTIVATION_STEP_PERMISSION[action]);
}

/** Who may move a port-in request along each step of R10's workflow. */
export const PORTING_STEP_PERMISSION: Record<PortingAction, Permission> = {
  start: "porting.handle",
  schedule: "porting.handle",
  complete: "porting.handle",
  reject: "porting.handle",
  cancel: "porting.request",
};

export function assertCanTakePortingStep(actor: Actor, action: PortingAction): void {
  assertCanChange(actor, PORTING_STEP_PERMISSION[action]);
}

/** The home page of each role. */
export function homePath(actor: Actor): string {
  return { ADMIN: "/admin", PARTNER: "/partner", END_USER: "/customer" }[actor.role];
}

// Matches nothing: for a role that must see no rows of a kind, whatever else the query says.
const NOTHING = { id: { in: [] as string[] } };

/** The partner a PARTNER actor belongs to, for rows it creates; FORBIDDEN for an account without one. */
export function partnerIdOf(actor: Actor): string {
  if (!actor.partnerId) throw new AppError("FORBIDDEN", "This account belongs to no partner.");
  return actor.partnerId;
}

function customerIdOf(actor: Actor): string {
  if (!actor.customerId) throw new AppError("FORBIDDEN", "This account belongs to no customer.");
  return actor.customerId;
}

export const scope = {
  partners(actor: Actor): Prisma.PartnerWhereInput {
    if (actor.role === "ADMIN") return {};
    if (actor.role === "PARTNER") return { id: partnerIdOf(actor) };
    return NOTHING;
  },
  customers(actor: Actor): Prisma.CustomerWhereInput {
    if (actor.role === "ADMIN") return {};
    if (actor.role === "PARTNER") return { partnerId: partnerIdOf(actor) };
    return { id: customerIdOf(actor) };
  },
  pbxs(actor: Actor): Prisma.PbxWhereInput {
    if (actor.role === "ADMIN") return {};
    if (actor.role === "PARTNER") return { customer: { partnerId: partnerIdOf(actor) } };
    return { customerId: customerIdOf(actor) };
  },
  /**
   * The same tenant rule as `pbxs`, for raw SQL (the number order reads its PBX with its price list
   * in one statement): a partner's PBXs are its customers' ones, an end user's its customer's; null
   * means every PBX.
   */
  pbxTenant(actor: Actor): { partnerId: string } | { customerId: string } | null {
    if (actor.role === "ADMIN") return null;
    if (actor.role === "PARTNER") return { partnerId: partnerIdOf(actor) };
    return { customerId: customerIdOf(actor) };
  },
  activationRequests(actor: Actor): Prisma.ActivationRequestWhereInput {
    // A draft is the partner's workspace: reviewers see a request once it is submitted.
    if (actor.role === "ADMIN") return { status: { not: "DRAFT" } };
    if (actor.role === "PARTNER") return { partnerId: partnerIdOf(actor) };
    return NOTHING;
  },
  callRecords(actor: Actor): Prisma.CallRecordWhereInput {
    if (actor.role === "ADMIN") return {};
    if (actor.role === "PARTNER") return { partnerId: partnerIdOf(actor) };
    return { customerId: customerIdOf(actor) };
  },
  /**
   * The same tenant key as `callRecords`, for the raw SQL of the statistics (roll-up tables carry
   * `partnerId` and `customerId` too): null means every tenant.
   */
  callTenant(actor: Actor): { column: "partnerId" | "customerId"; id: string } | null {
    if (actor.role === "ADMIN") return null;
    if (actor.role === "PARTNER") return { column: "partnerId", id: partnerIdOf(actor) };
    return { column: "customerId", id: customerIdOf(actor) };
  },
  /** Accounts the actor may manage: a partner admin its colleagues and its customers' end users. */
  users(actor: Actor): Prisma.UserWhereInput {
    if (actor.role === "ADMIN") return {};
    if (actor.role === "PARTNER" && actor.isPartnerAdmin) {
      const partnerId = partnerIdOf(actor);
      return { OR: [{ partnerId }, { customer: { partnerId } }] };
    }
    return NOTHING;
  },
  phoneNumbers(actor: Actor): Prisma.PhoneNumberWhereInput {
    if (actor.role === "ADMIN") return {};
    if (actor.role === "PARTNER") return { partnerId: partnerIdOf(actor) };
    return { pbx: { customerId: customerIdOf(actor) } };
  },
  /** Emergency sites (R13): admins all; a partner its own; an end user its customer's. */
  emergencyLocations(actor: Actor): Prisma.EmergencyLocationWhereInput {
    if (actor.role === "ADMIN") return {};
    if (actor.role === "PARTNER") return { partnerId: partnerIdOf(actor) };
    return { customerId: customerIdOf(actor) };
  },
  numberOrders(actor: Actor): Prisma.NumberOrderWhereInput {
    if (actor.role === "ADMIN") return {};
    if (actor.role === "PARTNER") return { partnerId: partnerIdOf(actor) };
    return { pbx: { customerId: customerIdOf(actor) } };
  },
  /**
   * Stored files: admins any; a partner its own uploads (its customers' compliance copies are its
   * uploads too) and the operator's templates; end users none.
   */
  storedFiles(actor: Actor): Prisma.StoredFileWhereInput {
    if (actor.role === "ADMIN") return {};
    if (actor.role === "PARTNER")
      return { OR: [{ partnerId: partnerIdOf(actor) }, { partnerId: null, templateFor: { some: {} } }] };
    return NOTHING;
  },
  /** Port-in requests: admins all; a partner its own; end users none (they order nothing). */
  portingRequests(actor: Actor): Prisma.PortingRequestWhereInput {
    if (actor.role === "ADMIN") return {};
    if (actor.role === "PARTNER") return { partnerId: partnerIdOf(actor) };
    return NOTHING;
  },
  /** Invoices: admins all (drafts included); a partner its issued ones, never a draft; end users none. */
  invoices(actor: Actor): Prisma.InvoiceWhereInput {
    if (actor.role === "ADMIN") return {};
    if (actor.role === "PARTNER") return { partnerId: partnerIdOf(actor), status: { not: "DRAFT" } };
    return NOTHING;
  },
  /** Credit notes: as invoices, always issued. */
  creditNotes(actor: Actor): Prisma.CreditNoteWhereInput {
    if (actor.role === "ADMIN") return {};
    if (actor.role === "PARTNER") return { partnerId: partnerIdOf(actor) };
    return NOTHING;
  },
  /** Support tickets: admins all; a partner its own; end users none (they order nothing). */
  tickets(actor: Actor): Prisma.TicketWhereInput {
    if (actor.role === "ADMIN") return {};
    if (actor.role === "PARTNER") return { partnerId: partnerIdOf(actor) };
    return NOTHING;
  },
  /** Price-list tiers: admins every tier; a partner the End User list and the tier it buys at. */
  priceListTiers(actor: Actor): Prisma.PriceListTierWhereInput {
    if (actor.role === "ADMIN") return {};
    if (actor.role === "PARTNER")
      return { OR: [{ code: END_USER_TIER_CODE }, { partners: { some: { id: partnerIdOf(actor) } } }] };
    return NOTHING;
  },
};
