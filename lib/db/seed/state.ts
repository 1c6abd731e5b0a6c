import pg from "pg";
import { REQUIRED_DOCUMENT_FORMS } from "./documents";

/** The demo admin of ./tenants.ts, in whose name the demo files are stored (that module loads the Prisma runtime: too slow for here). */
export const DEMO_ADMIN_EMAIL = "admin@classound.example";

export interface DemoDataState {
  /** Whether the database has any user: then `npm start` leaves the seed alone (`npm run db:seed` still adds what is missing). */
  hasData: boolean;
  /** Whether seedDemoFiles has something to add: a seeded form without its template, or no activation request yet. */
  demoFilesPending: boolean;
  /** Whether the reference catalogue (price-list tiers and the rest) is there: a production start loads it once. */
  hasCatalogue: boolean;
  /** Whether the required documents' fillable templates are all stored. */
  templatesPending: boolean;
  /** Whether any admin exists: a production database has none until `npm run admin:create`. */
  hasAnyAdmin: boolean;
}

/**
 * What `npm start` still has to do to the demo data, in one query, without loading the seed (whose
 * modules take seconds to import): the seed runs on a database without users only; the demo files
 * only where the demo admin exists (they are stored in the admin's name).
 */
export async function demoDataState(connectionString: string): Promise<DemoDataState> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{
      has_data: boolean;
      has_admin: boolean;
      has_requests: boolean;
      missing_templates: boolean;
      has_catalogue: boolean;
      has_any_admin: boolean;
    }>(
      `SELECT EXISTS (SELECT 1 FROM "User") AS has_data,
              EXISTS (SELECT 1 FROM "User" WHERE email = $1) AS has_admin,
              EXISTS (SELECT 1 FROM "ActivationRequest") AS has_requests,
              EXISTS (SELECT 1 FROM "RequiredDocument" WHERE id = ANY($2::text[]) AND "templateFileId" IS NULL) AS missing_templates,
              EXISTS (SELECT 1 FROM "PriceListTier") AS has_catalogue,
              EXISTS (SELECT 1 FROM "User" WHERE role = 'ADMIN') AS has_any_admin`,
      [DEMO_ADMIN_EMAIL, [...REQUIRED_DOCUMENT_FORMS.keys()]],
    );
    const [state] = rows;
    return {
      hasData: state.has_data,
      demoFilesPending: state.has_admin && (state.missing_templates || !state.has_requests),
      hasCatalogue: state.has_catalogue,
      templatesPending: state.missing_templates,
      hasAnyAdmin: state.has_any_admin,
    };
  } finally {
    await client.end();
  }
}
