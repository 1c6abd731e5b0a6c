import { z } from "zod";

// Every row id is a cuid ("c" + 24 base-36 characters; seeded rows are shaped the same). Anything
// else in a URL or an argument cannot name a row: it is refused before any query.
export const ZId = z.string().regex(/^c[a-z0-9]{20,32}$/, "Not a valid id");
