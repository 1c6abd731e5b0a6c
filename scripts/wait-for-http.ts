/**
 * Polls `url` until it answers below 500 (true), or until `keepWaiting` says to stop (false). Shared
 * by `npm start` (waiting for its server) and `npm test` (waiting for the end-to-end server).
 */
export async function waitForHttp(url: string, keepWaiting: () => boolean, intervalMs: number): Promise<boolean> {
  while (keepWaiting()) {
    try {
      if ((await fetch(url)).status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
}
