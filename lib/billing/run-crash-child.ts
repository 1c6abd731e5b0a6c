// The crash test's worker (lib/billing/run-crash.test.ts): runs one invoice batch against the test
// database, as a job would, in a process of its own that the test kills mid-transaction.
//   tsx lib/billing/run-crash-child.ts <database url> <month> <partner ids, comma-separated>
import { createPrismaClient } from "@/lib/db/client";
import { runInvoiceBatch } from "./run-invoice-batch";

const [url, month, partnerIds] = process.argv.slice(2);
if (!url || !month || !partnerIds) throw new Error("Usage: run-crash-child.ts <url> <month> <partnerIds>");
const db = createPrismaClient(url, 2);
const result = await runInvoiceBatch(db, { month, partnerIds: partnerIds.split(",") }, new Date());
console.log(JSON.stringify(result));
await db.$disconnect();
