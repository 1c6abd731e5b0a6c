// Why the embedded PostgreSQL did not start, in one line that names the cause and the fix. The
// library rejects a failed start with `undefined` and a failed initdb with its whole output; what
// PostgreSQL said is in the log lines it printed (captured by startEmbeddedPostgres). Pure: the
// caller passes everything in.

export type PostgresFailureKind =
  | "in-use"
  | "port"
  | "socket"
  | "disk-full"
  | "permission"
  | "postgres-user"
  | "memory"
  | "version"
  | "not-empty"
  | "unknown";

export interface PostgresFailureInput {
  /** What initialise() or start() threw (start() rejects with undefined). */
  error: unknown;
  /** PostgreSQL's and initdb's output during the attempt, as captured. */
  log: readonly string[];
  /** The cluster directory PostgreSQL was given. */
  clusterDir: string;
  /** The data directory to name when another server holds the cluster (the cluster's own by default). */
  dataDir?: string;
  /** The TCP port it was to listen on. */
  port?: number;
  /** Whether the server runs as the `postgres` user because this process is root. */
  asRoot?: boolean;
}

export interface PostgresFailure {
  kind: PostgresFailureKind;
  /** One line, no stack: the cause and the fix. */
  message: string;
}

/** Thrown by startEmbeddedPostgres: its message is the one line to show, and nothing else is needed. */
export class PostgresStartError extends Error {
  constructor(
    message: string,
    readonly kind: PostgresFailureKind,
  ) {
    super(message);
    this.name = "PostgresStartError";
  }
}

const ANOTHER_FOLDER = "or set CLASSOUND_DATA_DIR to another folder";

/** The message for a data directory whose cluster a live PostgreSQL already runs on. */
export function inUseMessage({
  dir,
  pid,
  orphaned = false,
}: {
  dir: string;
  pid?: number;
  orphaned?: boolean;
}): string {
  if (orphaned && pid) {
    return `A PostgreSQL left running by an earlier \`npm start\` (pid ${pid}) still uses ${dir}: stop it with \`kill ${pid}\` and run npm start again, ${ANOTHER_FOLDER}.`;
  }
  return `Another \`npm start\` is already using ${dir}${pid ? ` (PostgreSQL pid ${pid})` : ""}: stop it first, ${ANOTHER_FOLDER}.`;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error === undefined || error === null) return "";
  return String(error);
}

/** A log line without PostgreSQL's "2026-12-06 11:50:01.123 UTC [123] " prefix, squeezed onto one line. */
function clean(line: string): string {
  return line
    .replace(/^\[STDERR\]\s*/, "")
    .replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[\d+\] /, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The first line matching `pattern`, cleaned. */
function lineWith(lines: string[], pattern: RegExp): string | undefined {
  const found = lines.find((line) => pattern.test(line));
  return found === undefined ? undefined : clean(found);
}

/** Classifies a failed initdb or start. */
export function explainPostgresFailure({
  error,
  log,
  clusterDir,
  dataDir = clusterDir,
  port,
  asRoot = false,
}: PostgresFailureInput): PostgresFailure {
  const lines = [...log.flatMap((chunk) => chunk.split(/\r?\n/)), ...messageOf(error).split(/\r?\n/)]
    .map((line) => line.trim())
    .filter(Boolean);
  const text = lines.join("\n");
  const runner = asRoot ? "the postgres user (PostgreSQL refuses to run as root)" : "this user";

  const another =
    /lock file "postmaster\.pid" already exists|Is another postmaster \(PID (\d+)\)|pre-existing shared memory block .* is still in use/i;
  if (another.test(text)) {
    const pid = Number(/PID (\d+)/.exec(text)?.[1]) || undefined;
    return { kind: "in-use", message: inUseMessage({ dir: dataDir, pid }) };
  }

  // Before permissions and binding: "could not write lock file …: No space left on device".
  if (/No space left on device|ENOSPC|disk full/i.test(text)) {
    return {
      kind: "disk-full",
      message: `The disk holding ${clusterDir} is full (No space left on device): free some space (df -h ${clusterDir}) and run npm start again, ${ANOTHER_FOLDER} on another disk.`,
    };
  }

  if (
    /could not bind IPv[46] address|Address already in use|could not create any TCP\/IP sockets|could not create listen socket|Cannot assign requested address/i.test(
      text,
    )
  ) {
    const detail =
      lineWith(lines, /could not bind|Address already in use|Cannot assign requested address/i) ??
      lineWith(lines, /TCP\/IP|listen socket/i);
    const where = `127.0.0.1${port ? `:${port}` : ""}`;
    return {
      kind: "port",
      message: `PostgreSQL could not listen on ${where}${detail ? ` (${detail})` : ""}: free that port or make sure the loopback interface (127.0.0.1) is up, then run npm start again.`,
    };
  }

  if (
    /could not create Unix-domain socket|could not create lock file "[^"]*\.s\.PGSQL|could not create any Unix-domain sockets/i.test(
      text,
    )
  ) {
    const detail = lineWith(lines, /Unix-domain socket|\.s\.PGSQL/i);
    return {
      kind: "socket",
      message: `PostgreSQL could not create its socket file in /tmp${detail ? ` (${detail})` : ""}: make /tmp writable for ${runner} (chmod 1777 /tmp) and run npm start again.`,
    };
  }

  if (/Failed to create and initialize a new user|useradd|groupadd/i.test(text)) {
    return {
      kind: "postgres-user",
      message:
        "Running as root, npm start runs PostgreSQL as a `postgres` user and could not create it (groupadd/useradd failed): create it (groupadd postgres && useradd -g postgres postgres) or run npm start as a normal user.",
    };
  }

  if (/has wrong ownership|has invalid permissions/i.test(text)) {
    const detail = lineWith(lines, /has wrong ownership|has invalid permissions/i);
    const owner = asRoot ? "postgres:postgres" : "$(id -u):$(id -g)";
    return {
      kind: "permission",
      message: `PostgreSQL refuses its cluster${detail ? ` (${detail})` : ""}: it must belong to ${asRoot ? "the postgres user" : "this user"} with mode 0700 (chown -R ${owner} ${clusterDir} && chmod 700 ${clusterDir}), ${ANOTHER_FOLDER}.`,
    };
  }

  if (/Permission denied|EACCES|EPERM|Operation not permitted/i.test(text)) {
    const quoted =
      /"([^"]+)":\s*Permission denied/i.exec(text)?.[1] ?? /(?:EACCES|EPERM)[^,]*,\s*\w+\s+'([^']+)'/i.exec(text)?.[1];
    const what = quoted ?? clusterDir;
    if (what.startsWith(`${clusterDir}/`)) {
      const owner = asRoot ? "postgres:postgres" : "$(id -u):$(id -g)";
      return {
        kind: "permission",
        message: `PostgreSQL, running as ${runner}, cannot access ${what} (Permission denied): its cluster must belong to that user (chown -R ${owner} ${clusterDir} && chmod 700 ${clusterDir}), ${ANOTHER_FOLDER}.`,
      };
    }
    return {
      kind: "permission",
      message: `PostgreSQL, running as ${runner}, cannot access ${what} (Permission denied): let that user search every parent folder of ${clusterDir} (chmod o+x on each), ${ANOTHER_FOLDER}.`,
    };
  }

  if (
    /could not (?:create|map|attach to) (?:anonymous )?shared memory|shmget|could not resize shared memory|out of memory|Cannot allocate memory/i.test(
      text,
    )
  ) {
    const detail = lineWith(lines, /shared memory|out of memory|Cannot allocate memory/i);
    return {
      kind: "memory",
      message: `PostgreSQL could not get the memory it needs${detail ? ` (${detail})` : ""}: free some memory or raise the container's limit (and /dev/shm), then run npm start again.`,
    };
  }

  if (/database files are incompatible with server/i.test(text)) {
    const detail =
      lineWith(lines, /initialized by PostgreSQL version/i) ?? lineWith(lines, /incompatible with server/i);
    return {
      kind: "version",
      message: `The cluster in ${clusterDir} was made by another PostgreSQL version${detail ? ` (${detail})` : ""}: move it away, ${ANOTHER_FOLDER}.`,
    };
  }

  if (/exists but is not empty/i.test(text)) {
    return {
      kind: "not-empty",
      message: `${clusterDir} exists but holds no PostgreSQL cluster (initdb needs it empty): remove it, ${ANOTHER_FOLDER}.`,
    };
  }

  const telling =
    lineWith(lines, /\b(?:FATAL|PANIC):/) ??
    lineWith(lines, /\bERROR:|initdb: error/i) ??
    (messageOf(error) ? clean(messageOf(error).split(/\r?\n/)[0]) : undefined);
  return {
    kind: "unknown",
    message: `PostgreSQL did not start (${telling ?? "it exited without a message"}): set CLASSOUND_DEBUG_POSTGRES=1 to see its whole output.`,
  };
}
