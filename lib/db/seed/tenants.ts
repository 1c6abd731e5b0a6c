import type { Prisma, Role } from "../generated/client";
import { customerRow, firstTierPeriodRow, partnerRow, userRow, type UserLinks } from "./factories";
import { tierId, type TierCode } from "./pricing";
import { seedId } from "./random";

// Reserved `.example` domains (RFC 2606): the outbox and any SMTP driver can never reach a real inbox.
export const PARTNERS = {
  alpentel: {
    name: "Alpentel Kommunikation GmbH",
    tier: "GOLD",
    countryCode: "DE",
    vatNumber: "DE287416598",
    billingEmail: "rechnung@alpentel.example",
  },
  nuvola: {
    name: "Nuvola Telecomunicazioni S.r.l.",
    tier: "SILVER",
    countryCode: "IT",
    vatNumber: "IT04518720968",
    billingEmail: "amministrazione@nuvolatel.example",
  },
  brightline: {
    name: "Brightline Voice Ltd",
    tier: "BRONZE",
    countryCode: "GB",
    vatNumber: "GB284551204",
    billingEmail: "accounts@brightlinevoice.example",
  },
} satisfies Record<
  string,
  { name: string; tier: TierCode; countryCode: string; vatNumber: string; billingEmail: string }
>;

export type PartnerKey = keyof typeof PARTNERS;

type LegalEntity = Pick<
  Prisma.CustomerCreateManyInput,
  "legalName" | "vatNumber" | "addressLine" | "postcode" | "city" | "contactName" | "contactEmail" | "contactPhone"
>;

/** Legal entities are filled only for some: the others have not had an activation accepted yet. */
export const CUSTOMERS = {
  weber: {
    partner: "alpentel",
    name: "Weber Maschinenbau GmbH",
    countryCode: "DE",
    legal: {
      legalName: "Weber Maschinenbau GmbH",
      vatNumber: "DE298765435",
      addressLine: "Landsberger Straße 302",
      postcode: "80687",
      city: "München",
      contactName: "Jonas Schneider",
      contactEmail: "j.schneider@weber-maschinenbau.example",
      contactPhone: "+498945217700",
    },
  },
  hafenkontor: {
    partner: "alpentel",
    name: "Hafenkontor Logistik GmbH",
    countryCode: "DE",
    legal: {
      legalName: "Hafenkontor Logistik GmbH",
      vatNumber: "DE314802777",
      addressLine: "Am Sandtorkai 41",
      postcode: "20457",
      city: "Hamburg",
      contactName: "Birte Janssen",
      contactEmail: "b.janssen@hafenkontor.example",
      contactPhone: "+494036098700",
    },
  },
  vanDijk: {
    partner: "alpentel",
    name: "Van Dijk Installatietechniek B.V.",
    countryCode: "NL",
    legal: {
      legalName: "Van Dijk Installatietechniek B.V.",
      vatNumber: "NL858291733B01",
      addressLine: "Weena 505",
      postcode: "3013 AL",
      city: "Rotterdam",
      contactName: "Sanne van Dijk",
      contactEmail: "sanne@vandijk-installatie.example",
      contactPhone: "+31102409500",
    },
  },
  lumiere: { partner: "alpentel", name: "Lumière Conseil SAS", countryCode: "FR" },
  ferri: {
    partner: "nuvola",
    name: "Studio Legale Ferri & Associati",
    countryCode: "IT",
    legal: {
      legalName: "Studio Legale Ferri & Associati",
      vatNumber: "IT09876540155",
      addressLine: "Via Fatebenefratelli 14",
      postcode: "20121",
      city: "Milano",
      contactName: "Francesca Ferri",
      contactEmail: "f.ferri@studioferri.example",
      contactPhone: "+390245678900",
    },
  },
  bianchi: {
    partner: "nuvola",
    name: "Ottica Bianchi S.r.l.",
    countryCode: "IT",
    legal: {
      legalName: "Ottica Bianchi S.r.l.",
      vatNumber: "IT07643520963",
      addressLine: "Via Brera 19",
      postcode: "20121",
      city: "Milano",
      contactName: "Paolo Bianchi",
      contactEmail: "paolo@otticabianchi.example",
      contactPhone: "+390286451230",
    },
  },
  costaBrava: {
    partner: "nuvola",
    name: "Hostelería Costa Brava S.L.",
    countryCode: "ES",
    legal: {
      legalName: "Hostelería Costa Brava S.L.",
      vatNumber: "ESB17654328",
      addressLine: "Passeig de Gràcia 88",
      postcode: "08008",
      city: "Barcelona",
      contactName: "Núria Puig",
      contactEmail: "nuria.puig@hosteleriacostabrava.example",
      contactPhone: "+34935510300",
    },
  },
  harrowFinch: {
    partner: "brightline",
    name: "Harrow & Finch Accountants LLP",
    countryCode: "GB",
    legal: {
      legalName: "Harrow & Finch Accountants LLP",
      vatNumber: "GB312845613",
      addressLine: "27 Finsbury Circus",
      postcode: "EC2M 7EB",
      city: "London",
      contactName: "Eleanor Finch",
      contactEmail: "e.finch@harrowfinch.example",
      contactPhone: "+442079460321",
    },
  },
  pemberton: {
    partner: "brightline",
    name: "Pemberton Dental Group Ltd",
    countryCode: "GB",
    legal: {
      legalName: "Pemberton Dental Group Ltd",
      vatNumber: "GB284619373",
      addressLine: "14 Park Row",
      postcode: "LS1 5HD",
      city: "Leeds",
      contactName: "Priya Pemberton",
      contactEmail: "p.pemberton@pembertondental.example",
      contactPhone: "+441132430987",
    },
  },
  bayside: {
    partner: "brightline",
    name: "Bayside Freight Inc.",
    countryCode: "US",
    legal: {
      legalName: "Bayside Freight Inc.",
      vatNumber: "04-3817562", // the EIN: US companies have no VAT number
      addressLine: "200 Seaport Blvd, Suite 410",
      postcode: "02210",
      city: "Boston",
      contactName: "Mike Donnelly",
      contactEmail: "m.donnelly@baysidefreight.example",
      contactPhone: "+16175550142",
    },
  },
} satisfies Record<string, { partner: PartnerKey; name: string; countryCode: string; legal?: LegalEntity }>;

export type CustomerKey = keyof typeof CUSTOMERS;

export const DEMO_PASSWORD = "classound-demo";
/**
 * The seeded admins' two-factor secret (admins must have it: lib/auth/token.ts). Fixed and public, so
 * a first `npm start` can sign in: `npm run demo:totp` prints the current code, or an authenticator
 * app takes this key. Demo data only; a real admin enrols with a secret of their own.
 */
export const DEMO_TOTP_SECRET = "CLASSOUNDDEMOADMINTOTPSECRET2345";

interface SeedUser {
  email: string;
  name: string;
  role: Role;
  partner?: PartnerKey;
  customer?: CustomerKey;
  /** The partner's own administrator, who manages its colleagues and its customers' end users. */
  partnerAdmin?: boolean;
  /** Set for the accounts offered on the sign-in page; the others show that a company can have several. */
  demo?: string;
}

const USERS: SeedUser[] = [
  {
    email: "admin@classound.example",
    name: "Marta Kowalczyk",
    role: "ADMIN",
    demo: "Operator admin: every partner, activation reviews, countries, documents, numbers and price lists.",
  },
  { email: "support@classound.example", name: "Tomás Herrera", role: "ADMIN" },
  {
    email: "anna.berger@alpentel.example",
    name: "Anna Berger",
    role: "PARTNER",
    partner: "alpentel",
    partnerAdmin: true,
    demo: "Partner admin at Alpentel Kommunikation GmbH (Gold tier, Germany): 4 customers in DE, NL and FR.",
  },
  { email: "lukas.hofmann@alpentel.example", name: "Lukas Hofmann", role: "PARTNER", partner: "alpentel" },
  {
    email: "giulia.rinaldi@nuvolatel.example",
    name: "Giulia Rinaldi",
    role: "PARTNER",
    partner: "nuvola",
    partnerAdmin: true,
    demo: "Partner admin at Nuvola Telecomunicazioni S.r.l. (Silver tier, Italy): 3 customers in IT and ES.",
  },
  { email: "marco.esposito@nuvolatel.example", name: "Marco Esposito", role: "PARTNER", partner: "nuvola" },
  {
    email: "oliver.hughes@brightlinevoice.example",
    name: "Oliver Hughes",
    role: "PARTNER",
    partner: "brightline",
    partnerAdmin: true,
    demo: "Partner admin at Brightline Voice Ltd (Bronze tier, UK): 3 customers in GB and US.",
  },
  { email: "sophie.clarke@brightlinevoice.example", name: "Sophie Clarke", role: "PARTNER", partner: "brightline" },
  {
    email: "j.schneider@weber-maschinenbau.example",
    name: "Jonas Schneider",
    role: "END_USER",
    customer: "weber",
    demo: "End user at Weber Maschinenbau GmbH (customer of Alpentel): call statistics of Munich HQ.",
  },
  {
    email: "f.ferri@studioferri.example",
    name: "Francesca Ferri",
    role: "END_USER",
    customer: "ferri",
    demo: "End user at Studio Legale Ferri & Associati (customer of Nuvola): call statistics of the Milan office.",
  },
];

export const DEMO_LOGINS: { role: Role; email: string; name: string; description: string; totpSecret?: string }[] =
  USERS.filter((user) => user.demo).map((user) => ({
    role: user.role,
    email: user.email,
    name: user.name,
    description: user.demo!,
    ...(user.role === "ADMIN" ? { totpSecret: DEMO_TOTP_SECRET } : {}),
  }));

// The office zone of each demo partner's country (R3 counts days in it).
const PARTNER_TIME_ZONES: Record<string, string> = { DE: "Europe/Berlin", IT: "Europe/Rome", GB: "Europe/London" };

export const partnerId = (key: PartnerKey) => seedId(`partner:${key}`);
export const customerId = (key: CustomerKey) => seedId(`customer:${key}`);

export function tenantRows(passwordHash: string) {
  return {
    partners: Object.entries(PARTNERS).map(([key, partner]) =>
      partnerRow({
        id: partnerId(key as PartnerKey),
        name: partner.name,
        tierId: tierId(partner.tier),
        countryCode: partner.countryCode,
        vatNumber: partner.vatNumber,
        billingEmail: partner.billingEmail,
        timeZone: PARTNER_TIME_ZONES[partner.countryCode],
      }),
    ),
    tierPeriods: Object.entries(PARTNERS).map(([key, partner]) =>
      firstTierPeriodRow({
        id: seedId(`tier-period:${key}`),
        partnerId: partnerId(key as PartnerKey),
        tierId: tierId(partner.tier),
      }),
    ),
    customers: Object.entries(CUSTOMERS).map(([key, customer]) =>
      customerRow({
        id: customerId(key as CustomerKey),
        partnerId: partnerId(customer.partner),
        name: customer.name,
        countryCode: customer.countryCode,
        legal: "legal" in customer ? customer.legal : undefined,
      }),
    ),
    users: USERS.map((user) => ({
      ...userRow({
        id: seedId(`user:${user.email}`),
        email: user.email,
        name: user.name,
        passwordHash,
        ...linksOf(user),
        isPartnerAdmin: user.partnerAdmin ?? false,
      }),
      ...(user.role === "ADMIN" ? { totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: new Date() } : {}),
    })),
  };
}

function linksOf(user: SeedUser): UserLinks {
  if (user.role === "PARTNER") return { role: "PARTNER", partnerId: partnerId(user.partner!) };
  if (user.role === "END_USER") return { role: "END_USER", customerId: customerId(user.customer!) };
  return { role: "ADMIN" };
}
