import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/policy";
import { actorWith } from "@/lib/auth/request-actor";
import { db, type Db } from "@/lib/db/client";
import { parseOrThrow } from "@/lib/errors";
import { failureOf, type ActionResult } from "./action-result";

interface ActionContext {
  actor: Actor;
  db: Db;
}

type ResolveActor = (permission: Permission) => Promise<Actor>;

/** The wrapper with its actor resolution given: `action` below in the app, a stand-in in tests. */
export function actionWith(resolveActor: ResolveActor, database: () => Db) {
  return function action<S extends z.ZodType, T>(
    spec: { permission: Permission; input: S },
    handler: (input: z.output<S>, context: ActionContext) => Promise<T>,
  ): (input: z.input<S>) => Promise<ActionResult<T>> {
    return async (raw) => {
      try {
        const actor = await resolveActor(spec.permission);
        const input = parseOrThrow(spec.input, raw);
        return { ok: true, data: await handler(input, { actor, db: database() }) };
      } catch (error) {
        return failureOf(error);
      }
    };
  };
}

/**
 * The one way to write a server action. TypeScript types of action arguments are erased at run time
 * (a client can send any JSON, a Prisma filter object instead of an id), so the single argument is
 * parsed with the action's zod schema; the actor must hold the action's permission; every failure
 * becomes the typed result, with each field's messages for the form.
 *
 *   export const approveAction = action({ permission: "activation.review", input: ZVersioned }, (input, { actor, db }) => …);
 */
export const action = actionWith(actorWith, db);

/** For the few actions a signed-out visitor may call (choosing a password from a one-time link). */
export function publicAction<S extends z.ZodType, T>(
  spec: { input: S },
  handler: (input: z.output<S>, context: { db: Db }) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const input = parseOrThrow(spec.input, raw);
      return { ok: true, data: await handler(input, { db: db() }) };
    } catch (error) {
      return failureOf(error);
    }
  };
}

/** For actions that take no argument. */
export const ZNoInput = z.undefined();
