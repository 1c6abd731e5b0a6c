import type { ApiEndpoint } from "../endpoint";
import { ACTIVATION_ENDPOINTS } from "./activations";
import { listCustomersEndpoint } from "./customers";
import { EMERGENCY_ENDPOINTS } from "./emergency";
import { INVOICE_ENDPOINTS } from "./invoices";
import { NUMBER_ENDPOINTS } from "./numbers";
import { getPbxEndpoint, listPbxsEndpoint, registerPbxEndpoint } from "./pbxs";
import { PORTING_ENDPOINTS } from "./porting";
import { PRICE_LIST_ENDPOINTS } from "./pricelists";
import { RECORD_ENDPOINTS } from "./records";
import { TICKET_ENDPOINTS } from "./tickets";
import { WEBHOOK_ENDPOINTS } from "./webhooks";

/** Every operation of /api/v1, for the OpenAPI document and the tests that hold it to the handlers. */
export const API_ENDPOINTS: ApiEndpoint[] = [
  listCustomersEndpoint,
  listPbxsEndpoint,
  registerPbxEndpoint,
  getPbxEndpoint,
  ...ACTIVATION_ENDPOINTS,
  ...NUMBER_ENDPOINTS,
  ...PORTING_ENDPOINTS,
  ...EMERGENCY_ENDPOINTS,
  ...PRICE_LIST_ENDPOINTS,
  ...INVOICE_ENDPOINTS,
  ...RECORD_ENDPOINTS,
  ...TICKET_ENDPOINTS,
  ...WEBHOOK_ENDPOINTS,
] as ApiEndpoint[];
