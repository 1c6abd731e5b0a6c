// Creates an admin from the operator's console (issue 31), on a production database the first one:
//   npm run admin:create -- --email you@example.com [--name "Your Name"]
// Prints the one-time link to set its password, once (it is also mailed). The database is
// DATABASE_URL, or the embedded one a running `npm start` opened (its URL is under CLASSOUND_DATA_DIR).
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { dataDir, readRuntimeEnv } from "@/lib/config/runtime";
import { createPrismaClient } from "@/lib/db/client";
import { databaseUrlFile } from "@/lib/db/database-url-file";
import { AppError } from "@/lib/errors";
import { unsafeCreateAdmin } from "@/lib/users/first-admin";

const USAGE = 'Usage: npm run admin:create -- --email you@example.com [--name "Your Name"]';

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } }, strict: true });
if (!values.email) {
  console.error(USAGE);
  process.exit(2);
}

const env = readRuntimeEnv();
const url =
  env.DATABASE_URL ??
  (await readFile(databaseUrlFile(dataDir(env)), "utf8").then(
    (text) => text.trim(),
    () => undefined,
  ));
if (!url) {
  console.error("No database: set DATABASE_URL, or start the portal (npm start) so its embedded database runs.");
  process.exit(1);
}

const prisma = createPrismaClient(url, 1);
try {
  const name = values.name ?? values.email.split("@")[0];
  const { user, link, expiresAt } = await unsafeCreateAdmin(prisma, { email: values.email, name });
  console.log(`Admin ${user.email} created. It signs in after choosing a password with this one-time link`);
  console.log(`(valid until ${expiresAt.toISOString()}, shown only now; it was also mailed):\n\n  ${link}\n`);
  console.log("At the first sign-in the portal asks the admin to set up a two-factor authenticator.");
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  const fields = Object.entries(error.fieldErrors ?? {}).map(
    ([field, messages]) => `  --${field}: ${messages.join("; ")}`,
  );
  console.error([error.message, ...fields].join("\n"));
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
