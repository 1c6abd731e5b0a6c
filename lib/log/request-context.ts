import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestContext {
  requestId: string;
}

// scripts/server.ts and the Next.js bundle load this module as two separate instances: the storage
// lives on globalThis so an entry the app writes sees the context the server opened for its request.
const KEY = Symbol.for("classound.requestContext");
const holder = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> };

function storage(): AsyncLocalStorage<RequestContext> {
  return (holder[KEY] ??= new AsyncLocalStorage<RequestContext>());
}

/** Runs `work` (and everything it starts) as part of the request `context` names. */
export function withRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage().run(context, work);
}

/** The id of the request the caller is serving; undefined in jobs, scripts and tests outside a request. */
export function currentRequestId(): string | undefined {
  return storage().getStore()?.requestId;
}
