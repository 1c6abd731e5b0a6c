import path from "node:path";
import { z } from "zod";
import { DEFAULT_RETENTION_MONTHS } from "@/lib/cdr/retention";

// An empty value means "not set" (a compose file's `S3_ENDPOINT=`).
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

// Every environment variable the portal reads, validated once with a message naming the bad one.
const ZRuntimeFields = z.object({
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
  // Issue 35: documents in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2…) when S3_BUCKET is set
  // (decision 0076); the endpoint unset means AWS, the keys unset the SDK's own credential chain.
  S3_BUCKET: unsetIfEmpty(z.string().min(3).max(63).optional()),
  S3_ENDPOINT: unsetIfEmpty(z.string().url().optional()),
  S3_REGION: unsetIfEmpty(z.string().min(1).default("us-east-1")),
  S3_ACCESS_KEY_ID: unsetIfEmpty(z.string().min(1).optional()),
  S3_SECRET_ACCESS_KEY: unsetIfEmpty(z.string().min(1).optional()),
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
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
  // Decision 0079: how long a SIGTERM'd server lets requests in flight and jobs in hand finish before
  // it cuts them; below the platform's own grace (Kubernetes: 30 s) so the exit stays ours.
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(600).default(25),
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
  // Issue 34: "true" lets webhooks go to private, loopback and link-local addresses, and over plain
  // http: tests and development only (docs/security.md). Unset, only public https URLs are allowed.
  CLASSOUND_WEBHOOK_ALLOW_PRIVATE: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

const ZRuntimeEnv = ZRuntimeFields.superRefine((env, ctx) => {
  // A half-made storage setting must stop the start, not quietly fall back to one machine's disk.
  const s3Only = ["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;
  for (const name of s3Only.filter((n) => env[n] && !env.S3_BUCKET))
    ctx.addIssue({ code: "custom", path: [name], message: `${name} is set but S3_BUCKET is not` });
  if (!env.S3_ACCESS_KEY_ID !== !env.S3_SECRET_ACCESS_KEY)
    ctx.addIssue({
      code: "custom",
      path: ["S3_SECRET_ACCESS_KEY"],
      message: "set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together",
    });
  if (env.S3_BUCKET && env.UPLOADTHING_TOKEN)
    ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "set S3_BUCKET or UPLOADTHING_TOKEN, not both" });
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
