import type { ApiEndpoint } from "../endpoint";
import { listCustomersEndpoint } from "./customers";
import { getInvoiceEndpoint, listInvoicesEndpoint } from "./invoices";
import { getPbxEndpoint, listPbxsEndpoint, registerPbxEndpoint } from "./pbxs";

/** Every operation of /api/v1, for the OpenAPI document and the tests that hold it to the handlers. */
export const API_ENDPOINTS: ApiEndpoint[] = [
  listCustomersEndpoint,
  listPbxsEndpoint,
  registerPbxEndpoint,
  getPbxEndpoint,
  listInvoicesEndpoint,
  getInvoiceEndpoint,
] as ApiEndpoint[];
