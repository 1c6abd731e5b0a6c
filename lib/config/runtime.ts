import path from "node:path";
import { z } from "zod";
import { DEFAULT_RETENTION_MONTHS } from "@/lib/cdr/retention";

// Every environment variable the portal reads, validated once with a message naming the bad one.
const ZRuntimeEnv = z.object({
  // An empty value means "not set", so a caller can switch the embedded database back on.
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional()),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  CLASSOUND_DATA_DIR: z.string().min(1).default(".data"),
  // Issue 31: whether an empty database gets the demo companies. Unset: yes on the embedded database,
  // no with DATABASE_URL (a production start gets only the reference catalogue, price lists as drafts).
  CLASSOUND_DEMO: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["true", "false"]).optional()),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  // How many proxies of the operator's stand in front of the portal, each appending to X-Forwarded-For.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  UPLOADTHING_TOKEN: z.string().min(1).optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("CLASSOUND portal <no-reply@classound.example>"),
  // "false" when background jobs run elsewhere (`npm run worker`); the web server then only enqueues.
  // A tile server for the emergency pages' small map, e.g. https://tiles.example/{z}/{x}/{y}.png; unset: no map.
  MAP_TILE_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .url()
      .refine((v) => ["{z}", "{x}", "{y}"].every((p) => v.includes(p)), "MAP_TILE_URL needs {z}, {x} and {y}")
      .optional(),
  ),
  JOBS_IN_PROCESS: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  // Expensive on-demand work per user and kind (rankings of a chosen range, exports, imports):
  // how many may wait or run at once, and how many may start in any minute (lib/limits).
  EXPENSIVE_WORK_QUEUED_PER_USER: z.coerce.number().int().min(1).max(1000).default(3),
  EXPENSIVE_WORK_STARTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  // R6: how many days a released number rests before it can be ordered again.
  NUMBER_QUARANTINE_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  // Issue 30: months of calls kept; older months' partitions are dropped daily, their roll-ups kept (docs/scaling.md).
  CDR_RETENTION_MONTHS: z.coerce.number().int().min(2).max(600).default(DEFAULT_RETENTION_MONTHS),
  // Issue 28: how many numbers one partner may hold at once (all its PBXs), so no one holds a whole pool.
  NUMBER_HOLD_MAX_NUMBERS: z.coerce.number().int().min(1).max(100_000).default(200),
});

export type TRuntimeEnv = z.infer<typeof ZRuntimeEnv>;

export function readRuntimeEnv(env: NodeJS.ProcessEnv = process.env): TRuntimeEnv {
  const parsed = ZRuntimeEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

/** Whether an empty database is filled with the demo companies (see CLASSOUND_DEMO). */
export function demoDataWanted(env: Pick<TRuntimeEnv, "CLASSOUND_DEMO" | "DATABASE_URL">): boolean {
  return env.CLASSOUND_DEMO ? env.CLASSOUND_DEMO === "true" : !env.DATABASE_URL;
}

export function dataDir(env: TRuntimeEnv) {
  return path.resolve(env.CLASSOUND_DATA_DIR);
}
