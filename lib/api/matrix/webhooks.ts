import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import {
  createWebhookEndpointEndpoint,
  deleteWebhookEndpointEndpoint,
  getWebhookEndpointEndpoint,
  listWebhookEndpointsEndpoint,
} from "../endpoints/webhooks";
import type { MatrixCase, MatrixTenant } from "../testing/matrix-case";

// A public address literal: registering it needs no DNS (these machines have none), and nothing is sent in these tests.
const urlOf = () => `https://93.184.215.14/hooks/${randomBytes(4).toString("hex")}`;

async function makeEndpoint(prisma: PrismaClient, tenant: MatrixTenant) {
  const endpoint = await prisma.webhookEndpoint.create({
    data: {
      partnerId: tenant.partner.id,
      url: urlOf(),
      events: ["activation.decided"],
      secret: `whsec_${randomBytes(8).toString("hex")}`,
    },
  });
  return { endpoint, owned: [endpoint.id, endpoint.url, endpoint.secret] };
}

const byId = (prisma: PrismaClient, tenant: MatrixTenant) =>
  makeEndpoint(prisma, tenant).then(({ endpoint, owned }) => ({ call: { params: { id: endpoint.id } }, owned }));

export default [
  {
    endpoint: listWebhookEndpointsEndpoint,
    foreign: "empty",
    prepare: async (prisma, tenant) => ({ call: {}, owned: (await makeEndpoint(prisma, tenant)).owned }),
  },
  { endpoint: getWebhookEndpointEndpoint, foreign: "not-found", prepare: byId },
  { endpoint: deleteWebhookEndpointEndpoint, foreign: "not-found", prepare: byId },
  {
    endpoint: createWebhookEndpointEndpoint,
    // The body names nothing of the tenant: another partner's key registers its own endpoint, and
    // sees nothing of the tenant's (an endpoint it already has).
    foreign: "own",
    prepare: async (prisma, tenant) => ({
      call: { body: { url: urlOf(), events: ["activation.decided", "invoice.issued"], description: "CRM" } },
      owned: (await makeEndpoint(prisma, tenant)).owned,
    }),
  },
] satisfies MatrixCase[];
