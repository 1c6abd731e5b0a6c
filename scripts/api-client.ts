import { writeFileSync } from "node:fs";
import { clientTypesOf } from "@/e2e/api-client/generate";
import { openApiDocument } from "@/lib/api/openapi";

// Regenerates the typed client's schema from the document the portal serves (the same function
// builds both), for the end-to-end test that drives the API the way a partner's code would.
const target = "e2e/api-client/schema.d.ts";
writeFileSync(target, await clientTypesOf(openApiDocument()));
console.log(`Wrote ${target}`);
