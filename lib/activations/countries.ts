import type { Db } from "@/lib/db/client";

/** Countries a partner can pick as the country of service. */
export function activationCountries(db: Db) {
  return db.country.findMany({
    where: { activationEnabled: true },
    orderBy: { name: "asc" },
    select: { code: true, name: true },
  });
}
