import { readdirSync, readFileSync, readlinkSync } from "node:fs";

// The processes of a running portal and their resident memory, read from /proc (Linux): the one
// listening on the portal's port (the web server), and every other process of its process group
// (`npm start`'s: npm, the supervisor and the embedded PostgreSQL's postmaster, when there are).

export interface ProcessMemory {
  pid: number;
  /** What the process is: "web server", PostgreSQL's postmaster, or its command line, shortened. */
  label: string;
  /** Resident set, and its anonymous (heaps, code compiled at run time) and file-backed (mapped binaries, libraries) parts; KiB. */
  rssKb: number;
  anonKb: number;
  fileKb: number;
}

const readProc = (pid: number | string, file: string) => readFileSync(`/proc/${pid}/${file}`, "utf8");

/** The socket inodes listening on `port` (IPv4 and IPv6). */
function listeningInodes(port: number): Set<string> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local address "ADDR:PORT", state 0A = LISTEN, inode in the tenth column
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A") inodes.add(fields[9]);
    }
  }
  return inodes;
}

const pids = () => readdirSync("/proc").filter((name) => /^\d+$/.test(name));

/** The process listening on `port`, or undefined. */
export function listenerOf(port: number): number | undefined {
  const inodes = listeningInodes(port);
  for (const pid of pids()) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (target.startsWith("socket:[") && inodes.has(target.slice(8, -1))) return Number(pid);
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}

/** The process group of `pid` (the fifth field of /proc/<pid>/stat, after the command in parentheses). */
function groupOf(pid: number | string): number {
  const stat = readProc(pid, "stat");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
}

function memoryOf(pid: number | string) {
  const status = readProc(pid, "status");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
  return { rssKb: kb("VmRSS"), anonKb: kb("RssAnon"), fileKb: kb("RssFile") + kb("RssShmem") };
}

const commandOf = (pid: number | string) => readProc(pid, "cmdline").split("\0").filter(Boolean).join(" ");

/** Shortens a command line to what tells the processes apart (paths under the checkout dropped). */
const shortCommand = (command: string) =>
  command
    .replaceAll(`${process.cwd()}/`, "")
    .replace(/file:\/\/\S*\/tsx\/dist\/loader\.mjs/, "tsx")
    .slice(0, 90);

/** The web server listening on `port` and the other processes of its group. */
export function portalProcesses(port: number): ProcessMemory[] {
  const server = listenerOf(port);
  if (!server) throw new Error(`Nothing listens on port ${port}.`);
  const group = groupOf(server);
  const found: ProcessMemory[] = [];
  for (const pid of pids()) {
    try {
      if (groupOf(pid) !== group) continue;
      const command = commandOf(pid);
      // PostgreSQL's backends and helpers run in groups of their own: only its postmaster is here.
      const label =
        Number(pid) === server
          ? `web server (${shortCommand(command)})`
          : /\/postgres\b/.test(command)
            ? "PostgreSQL postmaster (shared buffers included; backends apart)"
            : shortCommand(command);
      found.push({ pid: Number(pid), label, ...memoryOf(pid) });
    } catch {
      // exited meanwhile
    }
  }
  return found.sort((a, b) => a.pid - b.pid);
}
