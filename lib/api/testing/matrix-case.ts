import type { PrismaClient } from "@/lib/db/generated/client";
import type { makeTwoTenants } from "@/lib/testing/fixtures";
import type { ApiEndpoint } from "../endpoint";
import type { ApiCall } from "./call-api";

export type MatrixTenant = Awaited<ReturnType<typeof makeTwoTenants>>["a"];

export interface PreparedCall {
  call: ApiCall;
  /**
   * Strings of the owning tenant's rows the answer may show (ids, names, serials, numbers): none of
   * them may appear in anything another tenant's key gets back.
   */
  owned: string[];
}

/**
 * One /api/v1 endpoint in the authorization matrix (app/api/v1/matrix.test.ts). Every endpoint of
 * API_ENDPOINTS needs a case, in lib/api/matrix/<area>.ts (an array exported as `default`).
 */
export interface MatrixCase {
  endpoint: ApiEndpoint;
  /**
   * Makes what a successful call needs in `tenant` (an activation request, a number, a ticket …)
   * with the test's Prisma client and returns the call. Called once per case; the refusals run
   * first and must change nothing, the owner's successful call runs last.
   */
  prepare(prisma: PrismaClient, tenant: MatrixTenant): Promise<PreparedCall>;
  /**
   * What another partner's key gets for the same call: "not-found" (404) when the path or the body
   * names the tenant's resource, "empty" for a list (200 without any `owned` string), "own" for a
   * creation that names nothing of the tenant (another partner's key makes its own, with the owner's
   * status and without any `owned` string; its own rows change, so it runs after the fingerprint).
   */
  foreign: "not-found" | "empty" | "own";
  /** The owner's expected status: the endpoint's own (200, or its `status`) unless said. */
  status?: number;
  /**
   * A write while the partner's agreement is suspended (R9): refused with 403 unless the portal lets a
   * suspended partner do it too (say "allowed", and why, beside the case).
   */
  whileSuspended?: "refused" | "allowed";
}
