import path from "node:path";

/** Where `npm start` leaves the URL of the database it opened, for tools on the same machine (the e2e fixtures). */
export function databaseUrlFile(dataDir: string) {
  return path.join(dataDir, "database-url");
}
