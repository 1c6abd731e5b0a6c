import * as AT from "stdnum/lib/cjs/at/uid.js";
import * as BE from "stdnum/lib/cjs/be/vat.js";
import * as BG from "stdnum/lib/cjs/bg/vat.js";
import * as CA from "stdnum/lib/cjs/ca/bn.js";
import * as CH from "stdnum/lib/cjs/ch/vat.js";
import * as CY from "stdnum/lib/cjs/cy/vat.js";
import * as CZ from "stdnum/lib/cjs/cz/dic.js";
import * as DE from "stdnum/lib/cjs/de/vat.js";
import * as DK from "stdnum/lib/cjs/dk/cvr.js";
import * as EE from "stdnum/lib/cjs/ee/kmkr.js";
import * as ES from "stdnum/lib/cjs/es/nif.js";
import * as FI from "stdnum/lib/cjs/fi/alv.js";
import * as FR from "stdnum/lib/cjs/fr/tva.js";
import * as GB from "stdnum/lib/cjs/gb/vat.js";
import * as GR from "stdnum/lib/cjs/gr/vat.js";
import * as HR from "stdnum/lib/cjs/hr/oib.js";
import * as HU from "stdnum/lib/cjs/hu/anum.js";
import * as IE from "stdnum/lib/cjs/ie/vat.js";
import * as IT from "stdnum/lib/cjs/it/iva.js";
import * as LT from "stdnum/lib/cjs/lt/pvm.js";
import * as LU from "stdnum/lib/cjs/lu/tva.js";
import * as LV from "stdnum/lib/cjs/lv/pvn.js";
import * as MT from "stdnum/lib/cjs/mt/vat.js";
import * as NL from "stdnum/lib/cjs/nl/btw.js";
import * as NO from "stdnum/lib/cjs/no/mva.js";
import * as PL from "stdnum/lib/cjs/pl/nip.js";
import * as PT from "stdnum/lib/cjs/pt/nif.js";
import * as RO from "stdnum/lib/cjs/ro/cif.js";
import * as SE from "stdnum/lib/cjs/se/vat.js";
import * as SI from "stdnum/lib/cjs/si/ddv.js";
import * as SK from "stdnum/lib/cjs/sk/dph.js";
import * as US from "stdnum/lib/cjs/us/ein.js";

/**
 * VAT (or, where a country has none, business tax) numbers, checked by stdnum: the format and the
 * check digits each tax authority publishes (decision 0048). Imported one validator per country,
 * not the package's index, so a form's bundle carries only these.
 */
interface TaxNumberValidator {
  name: string;
  validate: (value: string) => { isValid: boolean; compact?: string; error?: Error };
}

/** How the number is written on an invoice: the EU's VIES prefix (Greece's is EL), or none outside the EU. */
interface TaxNumberRule {
  validator: TaxNumberValidator;
  prefix: string;
  example: string;
}

const eu = (validator: TaxNumberValidator, prefix: string, example: string): TaxNumberRule => ({
  validator,
  prefix,
  example,
});
const national = (validator: TaxNumberValidator, example: string): TaxNumberRule => ({
  validator,
  prefix: "",
  example,
});

// The examples are numbers whose check digits pass, so the hint itself is a valid entry.
const RULES: Record<string, TaxNumberRule> = {
  AT: eu(AT, "AT", "ATU13585627"),
  BE: eu(BE, "BE", "BE0403019261"),
  BG: eu(BG, "BG", "BG175074752"),
  CY: eu(CY, "CY", "CY10259033P"),
  CZ: eu(CZ, "CZ", "CZ25123891"),
  DE: eu(DE, "DE", "DE136695976"),
  DK: eu(DK, "DK", "DK13585628"),
  EE: eu(EE, "EE", "EE100931558"),
  ES: eu(ES, "ES", "ESA13585625"),
  FI: eu(FI, "FI", "FI20774740"),
  FR: eu(FR, "FR", "FR40303265045"),
  GR: eu(GR, "EL", "EL094259216"),
  HR: eu(HR, "HR", "HR33392005961"),
  HU: eu(HU, "HU", "HU12892312"),
  IE: eu(IE, "IE", "IE6433435F"),
  IT: eu(IT, "IT", "IT00743110157"),
  LT: eu(LT, "LT", "LT119511515"),
  LU: eu(LU, "LU", "LU15027442"),
  LV: eu(LV, "LV", "LV40003521600"),
  MT: eu(MT, "MT", "MT11679112"),
  NL: eu(NL, "NL", "NL004495445B01"),
  PL: eu(PL, "PL", "PL8567346215"),
  PT: eu(PT, "PT", "PT501964843"),
  RO: eu(RO, "RO", "RO18547290"),
  SE: eu(SE, "SE", "SE556188840401"),
  SI: eu(SI, "SI", "SI50223054"),
  SK: eu(SK, "SK", "SK2022749619"),
  // Outside the EU: the VAT number as the country writes it (the UK keeps its GB prefix).
  GB: eu(GB, "GB", "GB980780684"),
  CH: national(CH, "CHE-116.281.710 MWST"),
  NO: national(NO, "NO995525828MVA"),
  US: national(US, "12-3456789"),
  CA: national(CA, "123456782"),
};

const PREFIXES = new Set(
  Object.values(RULES)
    .map((r) => r.prefix)
    .filter(Boolean),
);

/** What the form shows under the field for this country. */
export function taxNumberHint(countryCode: string): string {
  const rule = RULES[countryCode];
  if (!rule)
    return "No known format for this country: checked for 4 to 30 letters, digits, spaces, dots, dashes or slashes only";
  return rule.prefix
    ? `${rule.validator.name}, with the ${rule.prefix} prefix, e.g. ${rule.example}`
    : `${rule.validator.name}, e.g. ${rule.example}`;
}

export type TaxNumberCheck = { ok: true; value: string } | { ok: false; message: string };

/**
 * Checks a VAT or tax number against the country of the legal entity. A valid number typed without
 * its prefix is accepted; `value` is the number with it, as VIES and invoices write it. A country stdnum does
 * not know keeps only the loose shape check (its tax authority's form is then the operator's check).
 */
export function checkTaxNumber(countryCode: string, typed: string): TaxNumberCheck {
  const value = typed.trim().toUpperCase();
  const rule = RULES[countryCode];
  if (!rule) {
    return /^[A-Z0-9][A-Z0-9 .\-/]{2,28}[A-Z0-9]$/.test(value)
      ? { ok: true, value }
      : { ok: false, message: "Use 4 to 30 letters, digits, spaces, dots, dashes or slashes" };
  }
  // A number with another country's prefix belongs to another legal entity, not a typo in this one.
  const typedPrefix = /^[A-Z]{2}/.exec(value)?.[0];
  if (rule.prefix && typedPrefix && typedPrefix !== rule.prefix && PREFIXES.has(typedPrefix)) {
    return {
      ok: false,
      message: `This number has the ${typedPrefix} prefix; a legal entity in ${countryCode} has a ${rule.prefix} number (e.g. ${rule.example})`,
    };
  }
  const result = rule.validator.validate(value.startsWith(rule.prefix) ? value.slice(rule.prefix.length) : value);
  if (!result.isValid || !result.compact) {
    const why = /checksum/i.test(result.error?.name ?? "")
      ? "its check digits do not match"
      : /length/i.test(result.error?.name ?? "")
        ? "it has the wrong number of characters"
        : "it is not in the right format";
    return { ok: false, message: `This is not a valid ${rule.validator.name}: ${why} (e.g. ${rule.example})` };
  }
  return { ok: true, value: rule.prefix ? `${rule.prefix}${stripPrefix(result.compact, rule.prefix)}` : value };
}

function stripPrefix(compact: string, prefix: string) {
  return compact.startsWith(prefix) ? compact.slice(prefix.length) : compact;
}
