import { readRuntimeEnv } from "@/lib/config/runtime";
import { AppError } from "@/lib/errors";
import { checkedAddresses, RefusedAddressError, type Resolve } from "./address-guard";

export interface WebhookNetworkOptions {
  /** Private, loopback and link-local addresses and plain http allowed (tests, development). */
  allowPrivate: boolean;
  resolve?: Resolve;
}

/** The configured policy: CLASSOUND_WEBHOOK_ALLOW_PRIVATE (docs/security.md). */
export const configuredNetwork = (): WebhookNetworkOptions => ({
  allowPrivate: readRuntimeEnv().CLASSOUND_WEBHOOK_ALLOW_PRIVATE,
});

const refuse = (message: string) => new AppError("INVALID", message, { url: [message] });

/**
 * Checks a URL a partner registers, as the dispatcher will check it again at each delivery: https
 * (plain http only where private addresses are allowed), no credentials in it, and a host whose every
 * address is public. Answers the URL as it will be called.
 */
export async function assertWebhookUrl(raw: string, network: WebhookNetworkOptions): Promise<string> {
  const url = new URL(raw);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && network.allowPrivate))
    throw refuse("Use an https:// URL.");
  if (url.username || url.password)
    throw refuse("Leave the user name and password out of the URL; the signature authenticates each request.");
  url.hash = "";
  try {
    await checkedAddresses(url.hostname, network);
  } catch (error) {
    if (error instanceof RefusedAddressError) throw refuse(error.message);
    throw error;
  }
  return url.toString();
}
