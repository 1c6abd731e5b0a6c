import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { listAuditEntries } from "./list-audit";
import { recordAudit } from "./record";
import { AUDIT_ACTIONS, auditActionChoices, isAuditAction } from "./sentences";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

/**
 * Every action key the code writes: `action: "…"` (a ternary's both sides too), an `…_ACTION = "…"`
 * constant, and the raw SQL inserts into "AuditLog". A template like `porting.${step}` is checked
 * by the type AuditAction instead (recordAudit accepts nothing else).
 */
function actionKeysWritten(): Map<string, string> {
  const keys = new Map<string, string>();
  const add = (key: string, file: string) => keys.set(key, path.relative(ROOT, file));
  for (const file of [...sourceFiles(path.join(ROOT, "lib")), ...sourceFiles(path.join(ROOT, "app"))]) {
    const source = readFileSync(file, "utf8");
    for (const line of source.split("\n")) {
      if (/\baction:\s/.test(line) || /_ACTION\s*=\s*"/.test(line))
        for (const m of line.matchAll(/"([a-z]+\.[a-z_]+)"/g)) add(m[1]!, file);
    }
    for (const insert of source.matchAll(/INSERT INTO "AuditLog"[^;]*?SELECT[^;]*?'([a-z]+\.[a-z_]+)'/g))
      add(insert[1]!, file);
  }
  return keys;
}

const { prisma } = await createTestDatabase();
const { a, admin } = await makeTwoTenants(prisma);

describe("the audit log in words", () => {
  it("has a sentence for every action key written anywhere in the code", () => {
    const written = actionKeysWritten();
    expect(written.size).toBeGreaterThan(40);
    const missing = [...written].filter(([key]) => !isAuditAction(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
    for (const key of ["numbers.ordered", "ticket.opened", "porting.cancel", "activation.discarded"])
      expect(isAuditAction(key)).toBe(true);
  });

  it("offers every action in the filter, by its words, never by its code", () => {
    const choices = auditActionChoices();
    expect(choices.map(([key]) => key).sort()).toEqual(Object.keys(AUDIT_ACTIONS).sort());
    for (const [key, label] of choices) expect(label).not.toBe(key);
  });

  it("says who did what to which thing, the names fetched in one query for the page", async () => {
    const anna = await prisma.user.update({ where: { id: a.partnerActor.userId }, data: { name: "Anna Berger" } });
    const pbx = await prisma.pbx.update({ where: { id: a.pbx.id }, data: { name: "Munich HQ" } });
    const ticket = await prisma.ticket.create({
      data: {
        partnerId: a.partner.id,
        category: "CNAM",
        subject: "Caller name for Munich",
        createdById: anna.id,
      },
    });
    await recordAudit(prisma, {
      actorId: anna.id,
      action: "numbers.ordered",
      entityType: "NumberOrder",
      entityId: "order-gone",
      detail: { pbxId: pbx.id, countryCode: "DE", type: "GEOGRAPHIC", blockSize: 10, blockCount: 6 },
    });
    await recordAudit(prisma, { actorId: anna.id, action: "ticket.opened", entityType: "Ticket", entityId: ticket.id });
    await recordAudit(prisma, {
      actorId: admin.userId,
      action: "ticket.assigned",
      entityType: "Ticket",
      entityId: ticket.id,
      detail: { from: null, to: anna.id },
    });
    await recordAudit(prisma, {
      actorId: admin.userId,
      action: "porting.cancel",
      entityType: "PortingRequest",
      entityId: "gone",
    });

    let rawQueries = 0;
    const counting = new Proxy(prisma, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== "$queryRaw") return value;
        return (...args: unknown[]) => ((rawQueries += 1), (value as (...a: unknown[]) => unknown).apply(target, args));
      },
    }) as Db;
    const { entries } = await listAuditEntries(counting, admin);
    expect(rawQueries).toBe(1);
    const adminName = (await prisma.user.findUniqueOrThrow({ where: { id: admin.userId } })).name;
    expect(entries.slice(0, 4).map((e) => e.sentence)).toEqual([
      `${adminName} cancelled the port-in to a PBX`,
      `${adminName} assigned the ticket “Caller name for Munich” to Anna Berger`,
      "Anna Berger opened the ticket “Caller name for Munich”",
      "Anna Berger ordered 60 numbers for Munich HQ",
    ]);
  });
});
