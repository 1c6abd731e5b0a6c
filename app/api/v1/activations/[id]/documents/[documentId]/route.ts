import { apiRoute } from "@/lib/api/api-route";
import { uploadApiActivationDocument } from "@/lib/api/endpoints/activation-handlers";
import { uploadActivationDocumentEndpoint } from "@/lib/api/endpoints/activations";

export const POST = apiRoute(uploadActivationDocumentEndpoint, ({ db, actor, params, body }) =>
  uploadApiActivationDocument(db, actor, params, body.file),
);
