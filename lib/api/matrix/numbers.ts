import { randomBytes, randomUUID } from "node:crypto";
import { orderNumbers } from "@/lib/numbers/order";
import { makeOrderablePbx } from "@/lib/testing/api-fixtures-numbers";
import { makeNumbers } from "@/lib/testing/fixtures";
import {
  getNumberOrderEndpoint,
  holdNumbersEndpoint,
  listNumberProductsEndpoint,
  listNumbersEndpoint,
  orderNumbersEndpoint,
  releaseNumberEndpoint,
  searchAvailabilityEndpoint,
} from "../endpoints/numbers";
import type { MatrixCase, MatrixTenant } from "../testing/matrix-case";
import type { PrismaClient } from "@/lib/db/generated/client";

/** A PBX of the tenant's with a fresh range of its own area: a choice of blocks only it can fill. */
async function orderable(prisma: PrismaClient, tenant: MatrixTenant) {
  const areaName = `Matrix ${randomBytes(4).toString("hex")}`;
  const { pbx, first } = await makeOrderablePbx(prisma, tenant, { size: 20, areaName });
  const choice = {
    pbxId: pbx.id,
    countryCode: "DE",
    type: "GEOGRAPHIC" as const,
    areaName,
    pattern: `${first.slice(1, -4)}*`,
  };
  return { pbx, areaName, choice, owned: [pbx.id, pbx.name] };
}

export default [
  {
    endpoint: listNumbersEndpoint,
    foreign: "empty",
    prepare: async (prisma, tenant) => {
      const [number] = await makeNumbers(prisma, { partnerId: tenant.partner.id, pbxId: tenant.pbx.id }, 1, "DE");
      return { call: { query: { q: number!.e164.slice(1) } }, owned: [number!.id, number!.e164] };
    },
  },
  {
    endpoint: listNumberProductsEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const { pbx, owned } = await orderable(prisma, tenant);
      return { call: { query: { pbxId: pbx.id } }, owned };
    },
  },
  {
    endpoint: searchAvailabilityEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const { choice, areaName, owned } = await orderable(prisma, tenant);
      return { call: { query: choice }, owned: [...owned, areaName] };
    },
  },
  {
    endpoint: holdNumbersEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const { choice, owned } = await orderable(prisma, tenant);
      return { call: { body: { ...choice, blockSize: 10, blockCount: 1 } }, owned };
    },
  },
  {
    endpoint: orderNumbersEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const { choice, owned } = await orderable(prisma, tenant);
      const headers = { "Idempotency-Key": randomUUID() };
      return { call: { body: { ...choice, blockSize: 10, blockCount: 1 }, headers }, owned };
    },
  },
  {
    endpoint: getNumberOrderEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const { choice, owned } = await orderable(prisma, tenant);
      const order = { ...choice, blockSize: 10, blockCount: 1, idempotencyKey: randomUUID() } as const;
      const { result } = await orderNumbers(prisma, tenant.partnerActor, order);
      return { call: { params: { id: result.orderId } }, owned: [result.orderId, ...owned] };
    },
  },
  {
    endpoint: releaseNumberEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const [number] = await makeNumbers(prisma, { partnerId: tenant.partner.id, pbxId: tenant.pbx.id }, 1, "DE");
      return { call: { params: { id: number!.id } }, owned: [number!.id, number!.e164] };
    },
  },
] satisfies MatrixCase[];
