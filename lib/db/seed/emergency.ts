import type { EmergencyStatus, Prisma } from "../generated/client";
import { addDays } from "./dates";
import { seedId } from "./random";
import { CUSTOMERS, customerId, partnerId, type CustomerKey } from "./tenants";

interface SiteSpec {
  key: string;
  customer: CustomerKey;
  /** Whose entry it was (a partner user's e-mail). */
  by: string;
  site: {
    name: string;
    street: string;
    houseNumber: string;
    postcode: string;
    city: string;
    region?: string;
    countryCode: string;
    floor?: string;
    latitude: string;
    longitude: string;
  };
  /** Which of the PBX's numbers (geographic and mobile, in order) get the site, and with what status. */
  pbx: string;
  assign: { count: number; status: EmergencyStatus; reason?: string }[];
}

/**
 * R13 demo data: most of Munich's and Milan's numbers registered, Rome's waiting for the operator
 * (two sent back), Hamburg's complete; every other PBX's numbers still have no location, so the
 * compliance views and the registration queue have something to show.
 */
const SITES: SiteSpec[] = [
  {
    key: "munich-hq",
    customer: "weber",
    by: "anna.berger@alpentel.example",
    pbx: "munich-hq",
    site: {
      name: "Munich HQ, Landsberger Straße",
      street: "Landsberger Straße",
      houseNumber: "302",
      postcode: "80687",
      city: "München",
      region: "Bayern",
      countryCode: "DE",
      floor: "4",
      latitude: "48.140370",
      longitude: "11.519620",
    },
    assign: [{ count: 35, status: "ACTIVE" }],
  },
  {
    key: "hamburg",
    customer: "hafenkontor",
    by: "anna.berger@alpentel.example",
    pbx: "hamburg-speicherstadt",
    site: {
      name: "Speicherstadt, Block P",
      street: "Am Sandtorkai",
      houseNumber: "27",
      postcode: "20457",
      city: "Hamburg",
      countryCode: "DE",
      latitude: "53.543600",
      longitude: "9.988200",
    },
    assign: [{ count: 20, status: "ACTIVE" }],
  },
  {
    key: "milan",
    customer: "ferri",
    by: "giulia.rinaldi@nuvolatel.example",
    pbx: "milan-office",
    site: {
      name: "Milan office, Via Fatebenefratelli",
      street: "Via Fatebenefratelli",
      houseNumber: "14",
      postcode: "20121",
      city: "Milano",
      region: "Lombardia",
      countryCode: "IT",
      floor: "2",
      latitude: "45.473100",
      longitude: "9.189700",
    },
    assign: [
      { count: 20, status: "ACTIVE" },
      { count: 10, status: "PENDING" },
    ],
  },
  {
    key: "rome",
    customer: "ferri",
    by: "giulia.rinaldi@nuvolatel.example",
    pbx: "rome-office",
    site: {
      name: "Rome office, Via del Corso",
      street: "Via del Corso",
      houseNumber: "101",
      postcode: "00186",
      city: "Roma",
      region: "Lazio",
      countryCode: "IT",
      latitude: "41.900700",
      longitude: "12.481200",
    },
    assign: [
      { count: 8, status: "PENDING" },
      {
        count: 2,
        status: "CHANGES_REQUIRED",
        reason: "The house number is not in the street register: check it against the lease.",
      },
    ],
  },
];

export const emergencySiteId = (key: string) => seedId(`emergency-site:${key}`);

export function emergencyRows(today: Date, didsOf: (pbxKey: string) => { e164: string; type: string }[]) {
  const sites: Prisma.EmergencyLocationCreateManyInput[] = [];
  const numberFields = new Map<string, Partial<Prisma.PhoneNumberCreateManyInput>>();
  const changes: Prisma.EmergencyLocationChangeCreateManyInput[] = [];
  const enteredAt = addDays(today, -20);
  for (const spec of SITES) {
    const id = emergencySiteId(spec.key);
    const updatedById = seedId(`user:${spec.by}`);
    sites.push({
      ...spec.site,
      id,
      partnerId: partnerId(CUSTOMERS[spec.customer].partner),
      customerId: customerId(spec.customer),
      updatedById,
    });
    const dids = didsOf(spec.pbx).filter((d) => d.type !== "FREEPHONE");
    let next = 0;
    for (const { count, status, reason } of spec.assign) {
      for (const did of dids.slice(next, next + count)) {
        const numberId = seedId(`number:${did.e164}`);
        numberFields.set(did.e164, {
          emergencyLocationId: id,
          emergencyStatus: status,
          emergencyStatusReason: reason ?? null,
          emergencyStatusAt: enteredAt,
        });
        const location = { ...spec.site, id };
        changes.push({
          id: seedId(`emergency-change:${did.e164}:1`),
          phoneNumberId: numberId,
          changedById: updatedById,
          changedAt: enteredAt,
          newLocation: location,
          oldStatus: "NO_LOCATION",
          newStatus: "PENDING",
        });
        if (status !== "PENDING") {
          changes.push({
            id: seedId(`emergency-change:${did.e164}:2`),
            phoneNumberId: numberId,
            changedById: seedId("user:admin@classound.example"),
            changedAt: addDays(enteredAt, 2),
            oldLocation: location,
            newLocation: location,
            oldStatus: "PENDING",
            newStatus: status,
            reason: reason ?? null,
          });
        }
      }
      next += count;
    }
  }
  return { sites, numberFields, changes };
}
