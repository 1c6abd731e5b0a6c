import { appendFileSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { closeAtShutdown } from "@/lib/ops/lifecycle";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

/** A Prisma client on the pg driver adapter, with the pool limits Prisma 7 no longer sets itself. */
export function createPrismaClient(
  connectionString: string,
  poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10),
  { connectionTimeoutMillis = 5_000 } = {},
) {
  const adapter = new PrismaPg({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis,
    idleTimeoutMillis: 30_000,
  });
  const queryLog = process.env.CLASSOUND_QUERY_LOG;
  if (!queryLog) return new PrismaClient({ adapter });
  // For the page bench (bench/pages): one line per SQL statement Prisma sends, written before the
  // statement's result reaches the page, so a bench that requests one page at a time can count each page's.
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => appendFileSync(queryLog, `${event.duration}\t${event.query.replace(/\s+/g, " ")}\n`));
  return client as unknown as PrismaClient;
}

const globalForPrisma = globalThis as unknown as { classoundPrisma?: PrismaClient };

/** The app's shared client (one per process, surviving Next.js dev reloads). */
export function db(): PrismaClient {
  if (!globalForPrisma.classoundPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides it.");
    const client = createPrismaClient(url);
    globalForPrisma.classoundPrisma = client;
    closeAtShutdown("database pool", () => client.$disconnect());
  }
  return globalForPrisma.classoundPrisma;
}
