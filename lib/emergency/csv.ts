import { parseString } from "@fast-csv/parse";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, assertCanChange, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { toCsv, csvValue } from "@/lib/csv/cell";
import { AppError, controlCharacterIssues } from "@/lib/errors";
import { assignInTx } from "./assign";
import { NEEDS_LOCATION } from "./numbers";
import { sameLocation, SITE_FIELDS } from "./site-snapshot";
import { createSiteInTx, nameTaken } from "./sites";
import { locationCountryProblem } from "./validation/number-country";
import { ZSite } from "./validation/site-schema";

/** The file's columns: a number, then its site as the site form has it. Export adds the status. */
export const CSV_COLUMNS = [
  "number",
  "site",
  "street",
  "house_number",
  "postcode",
  "city",
  "region",
  "country",
  "building",
  "floor",
  "room",
  "latitude",
  "longitude",
  "callback_number",
] as const;
export const CSV_IMPORT_MAX_ROWS = 5000;
const EXPORT_MAX_ROWS = 50_000;

/** The actor's numbers that need a location, with their site, as CSV (a PBX's only, when given). */
export async function exportLocationsCsv(db: Db, actor: Actor, filter: { pbxId?: string } = {}) {
  assertCan(actor, "emergency.view");
  const numbers = await db.phoneNumber.findMany({
    where: { AND: [scope.phoneNumbers(actor), NEEDS_LOCATION, filter.pbxId ? { pbxId: filter.pbxId } : {}] },
    orderBy: { e164: "asc" },
    take: EXPORT_MAX_ROWS,
    select: { e164: true, emergencyStatus: true, emergencyLocation: { select: SITE_FIELDS } },
  });
  const rows = numbers.map(({ e164, emergencyStatus, emergencyLocation: s }) => [
    e164,
    s?.name ?? "",
    s?.street ?? "",
    s?.houseNumber ?? "",
    s?.postcode ?? "",
    s?.city ?? "",
    s?.region ?? "",
    s?.countryCode ?? "",
    s?.building ?? "",
    s?.floor ?? "",
    s?.room ?? "",
    s?.latitude?.toFixed(6) ?? "",
    s?.longitude?.toFixed(6) ?? "",
    s?.callbackNumber ?? "",
    emergencyStatus,
  ]);
  return toCsv([[...CSV_COLUMNS, "status"], ...rows]);
}

export interface ImportRowResult {
  line: number;
  number: string;
  ok: boolean;
  message: string;
}

function parseRows(text: string): Promise<Record<string, string>[]> {
  return new Promise((resolve, reject) => {
    const rows: Record<string, string>[] = [];
    parseString(text.replace(/^\uFEFF/, ""), {
      headers: (h) => h.map((name) => name?.trim().toLowerCase().replace(/\s+/g, "_")),
      ignoreEmpty: true,
      maxRows: CSV_IMPORT_MAX_ROWS + 1,
    })
      .on("error", (error) => reject(new AppError("INVALID", `This is not a readable CSV file: ${error.message}`)))
      .on("data", (row: Record<string, string>) => rows.push(row))
      .on("end", () => resolve(rows));
  });
}

const siteOfRow = (row: Record<string, string>) => ({
  name: csvValue(row.site),
  street: csvValue(row.street),
  houseNumber: csvValue(row.house_number),
  postcode: csvValue(row.postcode),
  city: csvValue(row.city),
  region: csvValue(row.region),
  countryCode: csvValue(row.country),
  building: csvValue(row.building),
  floor: csvValue(row.floor),
  room: csvValue(row.room),
  latitude: csvValue(row.latitude),
  longitude: csvValue(row.longitude),
  callbackNumber: csvValue(row.callback_number),
});

/**
 * Imports number-to-location rows, as the page promises: each row is checked and stored in its own
 * transaction, so a refused row says why and changes nothing while the good rows are stored. A row's
 * site is the customer's site of that name, created when missing; a name already used for another
 * address is refused, so an import never moves the other numbers of an existing site. Should a row
 * fail on our side (the database gone), the import stops there and still answers its report: the
 * rows stored so far are kept and the rest marked not imported, and the same file imported again
 * resumes (a stored row reads "Already at …").
 */
export async function importLocationsCsv(db: Db, actor: Actor, text: string, now = new Date()) {
  assertCanChange(actor, "emergency.edit");
  const rows = await parseRows(text);
  if (rows.length > CSV_IMPORT_MAX_ROWS)
    throw new AppError("TOO_LARGE", `A file has at most ${CSV_IMPORT_MAX_ROWS} rows: split it.`);
  const missing = rows.length ? CSV_COLUMNS.filter((c) => !(c in rows[0]!)) : [];
  if (missing.length)
    throw new AppError(
      "INVALID",
      `The file lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. Start from an export.`,
    );
  const results: ImportRowResult[] = [];
  let stoppedAt: number | null = null;
  for (const [index, row] of rows.entries()) {
    const line = index + 2;
    if (stoppedAt !== null) {
      results.push(refusal(line, row, `Not imported: the import stopped at line ${stoppedAt}. Import the file again.`));
      continue;
    }
    try {
      results.push(await importRow(db, actor, row, line, now));
    } catch (error) {
      console.error(`[emergency] CSV import stopped at line ${line}`, error);
      stoppedAt = line;
      results.push(refusal(line, row, "Not stored: something went wrong on our side. Import the file again."));
    }
  }
  return { rows: results, stored: results.filter((r) => r.ok).length, refused: results.filter((r) => !r.ok).length };
}

const refusal = (line: number, row: Record<string, string>, message: string): ImportRowResult => ({
  line,
  number: csvValue(row.number),
  ok: false,
  message,
});

/** One row in its own transaction: stored whole, or refused (an AppError) with nothing written. */
async function importRow(
  db: Db,
  actor: Actor,
  row: Record<string, string>,
  line: number,
  now: Date,
): Promise<ImportRowResult> {
  const e164 = csvValue(row.number);
  const refuse = (message: string) => refusal(line, row, message);
  const control = controlCharacterIssues({ number: e164, ...siteOfRow(row) });
  if (control.length) return refuse(`${String(control[0]!.path[0])}: ${control[0]!.message}`);
  const parsed = ZSite.safeParse(siteOfRow(row));
  if (!parsed.success) return refuse(parsed.error.issues.map((i) => i.message).join("; "));
  try {
    return await db.$transaction(async (tx) => {
      const number = await tx.phoneNumber.findFirst({
        where: { AND: [scope.phoneNumbers(actor), NEEDS_LOCATION, { e164 }] },
        select: { id: true, e164: true, countryCode: true, pbx: { select: { customerId: true } } },
      });
      if (!number?.pbx) throw new AppError("NOT_FOUND", "Not one of your numbers that need an emergency location");
      // Before any site is made of the row: a country that is not the number's (an unknown one
      // included) is the row's fault, never the database's.
      const countryProblem = locationCountryProblem(number, parsed.data.countryCode);
      if (countryProblem) throw new AppError("INVALID", countryProblem);
      const existing = await tx.emergencyLocation.findFirst({
        where: {
          AND: [scope.emergencyLocations(actor), { customerId: number.pbx.customerId, name: parsed.data.name }],
        },
        select: { ...SITE_FIELDS, customerId: true },
      });
      const site = existing ?? (await createSiteInTx(tx, actor, number.pbx.customerId, parsed.data));
      if (existing && !sameLocation(existing, parsed.data)) {
        throw new AppError(
          "CONFLICT",
          `The site "${existing.name}" already has another address: edit the site, or use another name`,
        );
      }
      const { assigned } = await assignInTx(tx, actor, site, [number.id], now);
      return {
        line,
        number: e164,
        ok: true,
        message: assigned ? `Assigned to ${site.name}` : `Already at ${site.name}`,
      };
    });
  } catch (error) {
    const known = nameTaken(error);
    if (known instanceof AppError) return refuse(known.message);
    throw error;
  }
}
