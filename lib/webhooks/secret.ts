import { randomBytes } from "node:crypto";

/** A new signing secret: shown once to the partner, kept to sign with (decision 0073). */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;
