import pg from "pg";

/** The channel the migration's trigger notifies on when deliveries are written. */
export const WEBHOOK_CHANNEL = "classound_webhooks";

/**
 * Calls `wake` whenever a transaction that wrote webhook deliveries commits (PostgreSQL sends a
 * NOTIFY only on commit), so an event leaves at once rather than at the dispatcher's next minute;
 * every emitter (page, API, job, raw SQL) is covered without having to ask. Reconnects after a
 * lost connection; the per-minute run covers any gap.
 */
export async function listenForWebhookDeliveries(connectionString: string, wake: () => void) {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const reconnectLater = () => {
    if (!stopped) retry = setTimeout(() => void connect().catch(reconnectLater), 5_000);
  };
  const connect = async () => {
    const next = new pg.Client({ connectionString, application_name: "classound-webhook-wake" });
    next.on("notification", () => wake());
    next.on("error", (error) => {
      console.error("[webhooks] wake-up listener lost its connection; reconnecting", error.message);
      void next.end().catch(() => undefined);
      reconnectLater();
    });
    await next.connect();
    await next.query(`LISTEN ${WEBHOOK_CHANNEL}`);
    client = next;
  };
  await connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
