import { readRuntimeEnv } from "./runtime";

/**
 * The absolute address of a portal page, from the portal's public URL (NEXTAUTH_URL). Every link
 * that leaves the portal (mail above all) is built here: a mail reader cannot open a relative link.
 */
export function portalUrl(path: string, env = readRuntimeEnv()): string {
  return new URL(path, env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).toString();
}
