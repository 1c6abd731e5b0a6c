import type { Actor } from "@/lib/auth/actor";
import { assertCanChange, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { csvValue } from "@/lib/csv/cell";
import { readCsvTable } from "@/lib/csv/read";
import type { Db } from "@/lib/db/client";
import { AppError, controlCharacterIssues } from "@/lib/errors";
import { formatCount } from "@/lib/format";
import { ZId } from "@/lib/http/ids";
import { isSerialTaken, storePbxs } from "@/lib/pbx/register";
import { ZRegisterPbx, type TRegisterPbx } from "@/lib/pbx/schemas";
import {
  COLUMN_OF_FIELD,
  FIELD_OF_COLUMN,
  PBX_CSV_COLUMNS,
  PBX_IMPORT_MAX_BYTES,
  PBX_IMPORT_MAX_ROWS,
  type PbxCsvColumn,
} from "./columns";

/** One reason a row was refused: its line in the file, the column at fault (null for the whole row). */
export interface PbxImportRefusal {
  line: number;
  column: PbxCsvColumn | null;
  message: string;
}

/** All or nothing: every row stored, or none and each refused row with its reasons. */
export type PbxImportReport =
  | { stored: number; refused: 0; refusals: []; pbxs: { line: number; serial: string; id: string }[] }
  | { stored: 0; refused: number; refusals: PbxImportRefusal[]; rows: number };

interface Row {
  line: number;
  cells: Record<PbxCsvColumn, string>;
}

function readRows(text: string): Row[] {
  const { names, rows: body } = readCsvTable(text, "The file is empty: start from the template.");
  const unknown = names.filter((name) => name && !(PBX_CSV_COLUMNS as readonly string[]).includes(name));
  const missing = PBX_CSV_COLUMNS.filter((column) => !names.includes(column));
  if (unknown.length || missing.length)
    throw new AppError(
      "INVALID",
      [
        missing.length && `The header lacks ${missing.join(", ")}.`,
        unknown.length && `The header has unknown columns: ${unknown.join(", ")}.`,
        `It must be: ${PBX_CSV_COLUMNS.join(",")} (start from the template).`,
      ]
        .filter(Boolean)
        .join(" "),
    );
  if (!body.length) throw new AppError("INVALID", "The file has a header but no PBX rows.");
  if (body.length > PBX_IMPORT_MAX_ROWS)
    throw new AppError(
      "TOO_LARGE",
      `The file has ${formatCount(body.length, "row")}: at most ${PBX_IMPORT_MAX_ROWS} PBXs can be imported at once. Split it.`,
    );
  return body.map(({ record, line }) => ({
    line,
    cells: Object.fromEntries(
      PBX_CSV_COLUMNS.map((column) => [column, csvValue(record[names.indexOf(column)])]),
    ) as Row["cells"],
  }));
}

type CustomerMatch = { id: string } | { problem: string };

/** Each `customer` cell's customer among the actor's own: by id, else by name (any case), one only, not archived. */
async function resolveCustomers(db: Db, actor: Actor, rows: Row[]) {
  const cells = [...new Set(rows.map((row) => row.cells.customer).filter(Boolean))];
  const ids = cells.filter((cell) => ZId.safeParse(cell).success);
  const candidates = await db.customer.findMany({
    where: {
      AND: [scope.customers(actor), { OR: [{ id: { in: ids } }, { name: { in: cells, mode: "insensitive" } }] }],
    },
    select: { id: true, name: true, archivedAt: true },
  });
  const matches = new Map<string, CustomerMatch>();
  for (const cell of cells) {
    const byId = candidates.find((c) => c.id === cell);
    const byName = candidates.filter((c) => c.name.toLowerCase() === cell.toLowerCase());
    const found = byId ? [byId] : byName;
    matches.set(
      cell,
      found.length === 0
        ? { problem: `No customer of yours is named or has the id “${cell}”` }
        : found.length > 1
          ? { problem: `${found.length} of your customers are named “${cell}”: use the customer's id instead` }
          : found[0]!.archivedAt
            ? { problem: `${found[0]!.name} is archived: restore it before registering PBXs for it` }
            : { id: found[0]!.id },
    );
  }
  return (cell: string): CustomerMatch => (cell ? matches.get(cell)! : { problem: "Enter the customer's name or id" });
}

/** Checks every row as the registration form would, and the serials against each other and the portal. */
async function checkRows(db: Db, actor: Actor, rows: Row[]) {
  const customerOf = await resolveCustomers(db, actor, rows);
  const refusals: PbxImportRefusal[] = [];
  const accepted: { line: number; pbx: TRegisterPbx }[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, cells } of rows) {
    const refuse = (column: PbxCsvColumn | null, message: string) => refusals.push({ line, column, message });
    const control = controlCharacterIssues(cells);
    if (control.length) {
      for (const issue of control) refuse(issue.path[0] as PbxCsvColumn, issue.message);
      continue;
    }
    const customer = customerOf(cells.customer);
    if ("problem" in customer) refuse("customer", customer.problem);
    const fields = Object.fromEntries(
      Object.entries(FIELD_OF_COLUMN).map(([column, field]) => [field, cells[column as PbxCsvColumn]]),
    );
    // A customer already refused above is stood in for, so the row's other fields are still checked.
    const parsed = ZRegisterPbx.safeParse({
      ...fields,
      customerId: "id" in customer ? customer.id : `c${"0".repeat(24)}`,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) refuse(COLUMN_OF_FIELD[String(issue.path[0])] ?? null, issue.message);
      continue;
    }
    const earlier = firstLineOf.get(parsed.data.serial);
    if (earlier !== undefined) {
      refuse("serial", `The serial ${parsed.data.serial} is also on line ${earlier}: each PBX once`);
      continue;
    }
    firstLineOf.set(parsed.data.serial, line);
    if ("id" in customer) accepted.push({ line, pbx: parsed.data });
  }
  const taken = await db.pbx.findMany({
    where: { serial: { in: [...firstLineOf.keys()] } },
    select: { serial: true },
  });
  for (const { serial } of taken)
    refusals.push({
      line: firstLineOf.get(serial)!,
      column: "serial",
      message: `A PBX with the serial ${serial} is already registered.`,
    });
  refusals.sort((a, b) => a.line - b.line);
  return { refusals, accepted };
}

/**
 * Imports PBXs from a CSV file (columns.ts), all or nothing: every row is checked with the
 * registration form's schema, its customer among the actor's own, its serial against the file and
 * the portal; if any row is refused, nothing is stored and the report names each refused row, its
 * column and why. Otherwise all are stored in one transaction, each with its REGISTERED event.
 */
export async function importPbxsCsv(db: Db, actor: Actor, text: string, now = new Date()): Promise<PbxImportReport> {
  assertCanChange(actor, "pbx.manage");
  if (Buffer.byteLength(text, "utf8") > PBX_IMPORT_MAX_BYTES)
    throw new AppError("TOO_LARGE", `The file is larger than ${PBX_IMPORT_MAX_BYTES / 1_000_000} MB: split it.`);
  const rows = readRows(text);
  const { refusals, accepted } = await checkRows(db, actor, rows);
  if (refusals.length)
    return { stored: 0, refused: new Set(refusals.map((r) => r.line)).size, refusals, rows: rows.length };

  const customerIds = [...new Set(accepted.map((row) => row.pbx.customerId))];
  try {
    const created = await db.$transaction(
      async (tx) => {
        // Archiving a customer waits for this transaction, and this one sees an archive that came first.
        const customers = await tx.$queryRaw<{ name: string; archivedAt: Date | null }[]>`
          SELECT name, "archivedAt" FROM "Customer" WHERE id = ANY(${customerIds}::text[]) FOR SHARE`;
        const archived = customers.find((customer) => customer.archivedAt);
        if (archived) throw new AppError("CONFLICT", `${archived.name} was archived meanwhile: nothing was imported.`);
        const stored = await storePbxs(
          tx,
          actor,
          accepted.map((row) => row.pbx),
          "csv",
          now,
        );
        await recordAudit(tx, {
          actorId: actor.userId,
          action: "pbx.imported",
          detail: { serials: stored.map((pbx) => pbx.serial) },
        });
        return stored;
      },
      { timeout: 60_000 },
    );
    const idOf = new Map(created.map((pbx) => [pbx.serial, pbx.id]));
    return {
      stored: created.length,
      refused: 0,
      refusals: [],
      pbxs: accepted.map(({ line, pbx }) => ({ line, serial: pbx.serial, id: idOf.get(pbx.serial)! })),
    };
  } catch (error) {
    if (isSerialTaken(error))
      throw new AppError(
        "CONFLICT",
        "A serial of the file was registered meanwhile: nothing was imported. Import the file again to see which.",
      );
    throw error;
  }
}
