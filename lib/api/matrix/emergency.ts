import { makeGermanNumbers, makeSite } from "@/lib/testing/support-fixtures";
import {
  createSiteEndpoint,
  getEmergencyNumberEndpoint,
  getSiteEndpoint,
  listEmergencyNumbersEndpoint,
  listSitesEndpoint,
  setEmergencyNumberEndpoint,
  updateSiteEndpoint,
} from "../endpoints/emergency";
import type { MatrixCase } from "../testing/matrix-case";

let sites = 0;
/** A site body the site form accepts, with a name of its own. */
const siteBody = () => ({
  name: `Matrix site ${++sites}`,
  street: "Friedrichstraße",
  houseNumber: "43",
  postcode: "10117",
  city: "Berlin",
  countryCode: "DE",
  floor: "3",
});

export default [
  {
    endpoint: listSitesEndpoint,
    foreign: "empty",
    prepare: async (prisma, tenant) => {
      const site = await makeSite(prisma, tenant);
      return { call: {}, owned: [site.id, site.name] };
    },
  },
  {
    endpoint: getSiteEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const site = await makeSite(prisma, tenant);
      return { call: { params: { id: site.id } }, owned: [site.id, site.name] };
    },
  },
  {
    endpoint: createSiteEndpoint,
    foreign: "not-found",
    prepare: async (_prisma, tenant) => ({
      call: { body: { ...siteBody(), customerId: tenant.customer.id } },
      owned: [tenant.customer.id, tenant.customer.name],
    }),
  },
  {
    endpoint: updateSiteEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const site = await makeSite(prisma, tenant);
      return { call: { params: { id: site.id }, body: siteBody() }, owned: [site.id, site.name] };
    },
  },
  {
    endpoint: listEmergencyNumbersEndpoint,
    foreign: "empty",
    prepare: async (prisma, tenant) => {
      const [number] = await makeGermanNumbers(prisma, tenant, tenant.pbx.id);
      return { call: {}, owned: [number!.id, number!.e164] };
    },
  },
  {
    endpoint: getEmergencyNumberEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const [number] = await makeGermanNumbers(prisma, tenant, tenant.pbx.id);
      return { call: { params: { id: number!.id } }, owned: [number!.id, number!.e164] };
    },
  },
  {
    endpoint: setEmergencyNumberEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const [number] = await makeGermanNumbers(prisma, tenant, tenant.pbx.id);
      const site = await makeSite(prisma, tenant);
      return {
        call: { params: { id: number!.id }, body: { siteId: site.id } },
        owned: [number!.id, number!.e164, site.id, site.name],
      };
    },
  },
] satisfies MatrixCase[];
