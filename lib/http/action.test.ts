import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { actionWith } from "./action";
import { ZId } from "./ids";

const partner: Actor = {
  userId: "cuser00000000000000000001",
  role: "PARTNER",
  partnerId: "p1",
  customerId: null,
  isPartnerAdmin: false,
  name: "P",
  email: "p@x",
};
const fakeDb = {} as Db;
const signedIn = actionWith(
  async () => partner,
  () => fakeDb,
);

describe("the action wrapper", () => {
  it("refuses a NUL or another control character in any text field beside that field, before the handler runs", async () => {
    const handler = vi.fn(async () => "ran");
    const open = signedIn(
      {
        permission: "tickets.use",
        input: z.object({ subject: z.string(), message: z.string(), numbers: z.array(z.object({ note: z.string() })) }),
      },
      handler,
    );
    expect(await open({ subject: "Hello\u0000", message: "two\nlines\ttabbed\r\n", numbers: [] })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { subject: [expect.stringContaining("control characters")] },
    });
    const nested = await open({ subject: "ok", message: "ok", numbers: [{ note: "bell\u0007" }] });
    expect(nested).toMatchObject({
      ok: false,
      fieldErrors: { numbers: [expect.stringContaining("control characters")] },
    });
    expect(handler).not.toHaveBeenCalled();
    // Line breaks and tabs are text: a multi-line message passes.
    expect(await open({ subject: "ok", message: "two\nlines\ttabbed\r\n", numbers: [] })).toEqual({
      ok: true,
      data: "ran",
    });
  });

  it("refuses a Prisma filter object where an id belongs, before the handler runs", async () => {
    const handler = vi.fn(async () => "ran");
    const start = signedIn({ permission: "activation.request", input: z.object({ pbxId: ZId }) }, handler);
    const result = await start({ pbxId: { not: "" } } as never);
    expect(result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { pbxId: [expect.any(String)] } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("returns every field's messages so a form can show each beside its field", async () => {
    const save = signedIn(
      {
        permission: "catalogue.manage",
        input: z.object({ name: z.string().min(2, "Too short"), months: z.number().int("Whole months") }),
      },
      async () => null,
    );
    expect(await save({ name: "x", months: 1.5 })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { name: ["Too short"], months: ["Whole months"] },
    });
  });

  it("resolves the actor with the action's permission before parsing anything", async () => {
    const resolve = vi.fn(async () => {
      throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    });
    const handler = vi.fn();
    const guarded = actionWith(resolve, () => fakeDb)(
      { permission: "activation.review", input: z.object({ requestId: ZId }) },
      handler,
    );
    expect(await guarded({ requestId: "nonsense" })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(resolve).toHaveBeenCalledWith("activation.review");
    expect(handler).not.toHaveBeenCalled();
  });

  it("maps an AppError to its code and hides anything else behind a generic message", async () => {
    const conflict = signedIn({ permission: "activation.request", input: z.undefined() }, async () => {
      throw new AppError("CONFLICT", "Someone else changed this request meanwhile.");
    });
    expect(await conflict(undefined)).toEqual({
      ok: false,
      code: "CONFLICT",
      error: "Someone else changed this request meanwhile.",
    });
    const bug = signedIn({ permission: "activation.request", input: z.undefined() }, async () => {
      throw new Error("SELECT secret FROM users");
    });
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await bug(undefined);
    spy.mockRestore();
    expect(result).toMatchObject({ ok: false, code: "INTERNAL" });
    expect(JSON.stringify(result)).not.toContain("secret");
  });

  it("lets Next's own control flow (redirect, notFound) through", async () => {
    const { notFound } = await import("next/navigation");
    const missing = signedIn({ permission: "activation.request", input: z.undefined() }, async () => notFound());
    await expect(missing(undefined)).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
});
