import type { Prisma } from "../generated/client";
import type { DocumentForm } from "@/lib/catalogue/document-form-pdf";
import { COUNTRIES } from "./countries";
import { seedId } from "./random";

/**
 * A document a regulator asks for (R2). One the customer fills in has a `form`: its template is
 * rendered and stored by the demo-files step (it needs file storage, which the rows here do not).
 */
interface DocumentSpec {
  name: string;
  description: string;
  mandatory?: boolean;
  validityMonths?: number;
  form?: Pick<DocumentForm, "clauses" | "fields">;
}

const SIGNATURE = ["Name of the legal representative", "Place and date", "Signature and company stamp"];

const AGREEMENT: DocumentSpec = {
  name: "Signed CLASSOUND service agreement",
  description: "The CLASSOUND service agreement, signed and stamped by the customer's legal representative.",
  form: {
    clauses: [
      "CLASSOUND provides telephone numbers, call termination and emergency calling to the PBX named below, through the partner who resells it.",
      "The service follows the PBX's license term: it starts on activation and ends on the PBX's expiry date; the first period is charged pro rata.",
      "The customer declares that the numbers are used at the address given, and keeps the emergency location of every number up to date.",
      "The customer keeps the documents the regulator of the country of service requires, and provides them again when they expire.",
    ],
    fields: [
      "Customer (legal entity)",
      "VAT or tax number",
      "Registered address",
      "PBX serial number",
      "Partner",
      ...SIGNATURE,
    ],
  },
};
const REGISTRATION: DocumentSpec = {
  name: "Company registration extract",
  description: "An extract from the national company register, issued less than 6 months ago.",
  validityMonths: 6,
};
const IDENTITY: DocumentSpec = {
  name: "Identity document of the legal representative",
  description: "Passport or national identity card of the person who signs the agreement, front and back.",
};
const ADDRESS: DocumentSpec = {
  name: "Proof of address (utility bill < 3 months)",
  description: "A utility or telephone bill showing the company's name and the address where the numbers are used.",
  validityMonths: 3,
};

const EU_DEFAULT = [AGREEMENT, REGISTRATION, IDENTITY, ADDRESS];
// Outside the EU the geographic-number rules are lighter: the address proof is asked but not required.
const NON_EU_DEFAULT = [AGREEMENT, REGISTRATION, { ...ADDRESS, mandatory: false }];

const BY_COUNTRY: Record<string, DocumentSpec[]> = {
  DE: [
    AGREEMENT,
    {
      name: "Nachweis des Firmensitzes",
      description:
        "Handelsregisterauszug or Gewerbeanmeldung proving the registered office in Germany (Section 3 TKG).",
      validityMonths: 6,
    },
    IDENTITY,
  ],
  IT: [
    AGREEMENT,
    {
      name: "Modulo AGCOM",
      description:
        "The AGCOM declaration of use of geographic numbers, filled in and signed by the legal representative.",
      form: {
        fields: ["Ragione sociale", "Partita IVA", "Sede legale", "Indirizzo di utilizzo dei numeri", ...SIGNATURE],
      },
    },
    {
      ...REGISTRATION,
      name: "Visura camerale",
      description: "Chamber of Commerce extract, issued less than 6 months ago.",
    },
    IDENTITY,
  ],
  FR: [
    AGREEMENT,
    {
      ...REGISTRATION,
      name: "Extrait Kbis (< 3 mois)",
      description: "Kbis extract of the company, less than 3 months old.",
      validityMonths: 3,
    },
    IDENTITY,
  ],
  ES: [
    AGREEMENT,
    { name: "Tarjeta de identificación fiscal (CIF/NIF)", description: "The company's tax identification card." },
    { ...IDENTITY, description: "DNI or NIE of the legal representative, front and back." },
    { ...ADDRESS, validityMonths: 6, name: "Proof of address (utility bill < 6 months)" },
  ],
  NL: [
    AGREEMENT,
    {
      ...REGISTRATION,
      name: "Uittreksel Kamer van Koophandel (KvK)",
      description: "Chamber of Commerce (KvK) extract, less than 6 months old.",
    },
  ],
  GB: [
    AGREEMENT,
    { name: "Certificate of incorporation", description: "Companies House certificate of incorporation." },
    { ...ADDRESS, validityMonths: 6, name: "Proof of address (utility bill < 6 months)", mandatory: false },
  ],
  US: [
    AGREEMENT,
    {
      name: "Letter of Authorization",
      description: "Letter of Authorization (LOA) signed by the account holder, needed to port existing numbers.",
      mandatory: false,
      form: {
        fields: [
          "Account holder",
          "Service address",
          "Current carrier and account number",
          "Numbers to port",
          ...SIGNATURE,
        ],
      },
    },
    {
      name: "IRS EIN confirmation letter",
      description: "IRS notice CP 575 or 147C showing the company's Employer Identification Number.",
    },
    {
      name: "E911 service address declaration",
      description: "The address and suite where the numbers are used, confirmed for the 911 dispatchable location.",
      form: {
        fields: [
          "Company",
          "Street address",
          "Suite, floor or room",
          "City, state and ZIP code",
          "Callback number",
          ...SIGNATURE,
        ],
      },
    },
  ],
  CA: [
    AGREEMENT,
    { name: "Business number confirmation", description: "CRA business number (BN) confirmation letter." },
  ],
  CH: [
    AGREEMENT,
    {
      ...REGISTRATION,
      name: "Handelsregisterauszug",
      description: "Extract from the Swiss commercial register (Zefix).",
    },
  ],
  LU: [AGREEMENT],
};

const SEEDED = COUNTRIES.filter((country) => country.activationEnabled).flatMap((country) =>
  (BY_COUNTRY[country.code] ?? (country.isEu ? EU_DEFAULT : NON_EU_DEFAULT)).map((spec, index) => ({
    row: {
      id: seedId(`required-document:${country.code}:${index}`),
      countryCode: country.code,
      name: spec.name,
      description: spec.description,
      mandatory: spec.mandatory ?? true,
      validityMonths: spec.validityMonths ?? null,
      sortOrder: index,
    } satisfies Prisma.RequiredDocumentCreateManyInput,
    form: spec.form && { ...spec.form, title: spec.name, description: spec.description, countryName: country.name },
  })),
);

export const REQUIRED_DOCUMENTS: Prisma.RequiredDocumentCreateManyInput[] = SEEDED.map((seeded) => seeded.row);

/** The seeded documents the customer fills in, with their form, by required-document id. */
export const REQUIRED_DOCUMENT_FORMS: ReadonlyMap<string, DocumentForm> = new Map(
  SEEDED.flatMap((seeded) => (seeded.form ? [[seeded.row.id, seeded.form] as const] : [])),
);
