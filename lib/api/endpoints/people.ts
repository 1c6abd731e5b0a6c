import { z } from "zod";
import type { Role } from "@/lib/db/generated/enums";

/** Who wrote a message or took a step, as the partner's pages show it: a name and a side. */
export const ZApiPerson = z
  .object({ name: z.string(), side: z.enum(["support", "partner"]) })
  .nullable()
  .describe("Null for the portal itself (a job) or a former user.");

/** A user as `ZApiPerson` (the portal's pages label support staff and the partner's people alike). */
export const personOf = (user: { name: string; role: Role } | undefined): z.output<typeof ZApiPerson> =>
  user ? { name: user.name, side: user.role === "ADMIN" ? "support" : "partner" } : null;
