import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The docs name files of the repository (`lib/cdr/rating/sql.ts`, links to decision records): every
// one of them must exist, so a rename or a removal that forgets the docs fails here. Read from
// README.md and docs/**/*.md: code spans, links (relative to the file) and paths with an extension
// in running text; not fenced blocks. URL paths (`/api/files/:id`) are routes, not files; a path
// with a placeholder or glob (`<id>`, `*`, `…`) is checked up to its last literal folder, while
// route folders (`[id]`, `(portal)`) are literal. Pure fs, no database.

const root = path.resolve(import.meta.dirname, "..");

// Where a repository path starts, and the top-level files docs may name without a folder.
const PREFIXES = ["app/", "components/", "lib/", "prisma/", "public/", "e2e/", "bench/", "docs/", "scripts/", ".ci/"];
const TOP_LEVEL_FILES = new Set([
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "proxy.ts",
  "middleware.ts",
  "instrumentation.ts",
  "next-env.d.ts",
  "README.md",
  ".gitignore",
  ".npmrc",
  ".nvmrc",
]);
const CONFIG_FILE = /^[\w-]+\.config\.(?:ts|mts|cts|js|mjs|cjs)$/;
// Generated or run-time output, not files of the repository.
const NOT_REPOSITORY = [
  ".data/",
  "node_modules/",
  "test-results/",
  "playwright-report/",
  ".next/",
  "lib/db/generated/",
];

// A file name without a folder (`transitions.ts` after `lib/porting/transitions.ts`) is relative to
// a folder the sentence named; it must at least name some file of the repository.
const BARE_FILE_NAME = /^[\w.()[\]-]+\.(?:ts|tsx|mts|cts|js|mjs|cjs|sql|prisma|sh|css)$/;
// A path in running text (outside code spans) counts when it ends in one of these.
const PROSE_PATH =
  /(?<![\w/.@-])(?:app|components|lib|prisma|public|e2e|bench|docs|scripts|\.ci)\/[^\s`,;]*\.(?:ts|tsx|mts|js|mjs|cjs|json|md|sql|prisma|sh|css)(?![\w/])/g;

/** `path`: must exist from the repository root; `name`: a bare file name that must exist somewhere. */
type Reference = { file: string; line: number; text: string; checked: string; kind: "path" | "name" };

function markdownFiles(): string[] {
  const files = ["README.md"];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith(".md")) files.push(rel);
    }
  };
  walk("docs");
  return files;
}

/** The part of a named path that can be checked: placeholders and globs cut it at the last literal folder. */
function checkablePath(name: string): string | null {
  let p = name
    .replace(/^\.\//, "")
    .replace(/#.*$/, "") // #anchor
    .replace(/\?.*$/, "") // ?query
    .replace(/(?::\d+(?:[-:]\d+)?)+$/, ""); // :line, :line:column, :from-to
  if (NOT_REPOSITORY.some((skip) => p.startsWith(skip))) return null;
  // `<id>`, `<TIER>`, `*`, `**`, `{a,b}`, `…`: keep the literal folders before the first one.
  const wild = p.search(/[<*{…]|\.\.\./);
  if (wild >= 0) {
    const cut = p.lastIndexOf("/", wild);
    if (cut < 0) return null;
    p = p.slice(0, cut + 1);
  }
  return p === "" ? null : p;
}

function looksLikeRepositoryPath(token: string): boolean {
  if (PREFIXES.some((prefix) => token.startsWith(prefix))) return true;
  const base = token.replace(/(?::\d+)+$/, "").replace(/#.*$/, "");
  return !base.includes("/") && (TOP_LEVEL_FILES.has(base) || CONFIG_FILE.test(base));
}

// Trailing punctuation of prose and surrounding quotes are not part of a name.
function trimToken(token: string): string {
  return token.replace(/^[("'“‘]+/, "").replace(/[)"'”’,;.:]+$/, "");
}

/** Every repository path a markdown file names in inline code or a link (fenced blocks are layouts and shell sessions). */
function referencesIn(file: string, text: string): Reference[] {
  const refs: Reference[] = [];
  const dir = path.posix.dirname(file);
  let fenced = false;
  text.split("\n").forEach((lineText, index) => {
    if (/^\s*(```|~~~)/.test(lineText)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    const line = index + 1;
    // Links: relative to the file, as a markdown renderer resolves them.
    for (const m of lineText.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const target = m[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("#") || target.startsWith("/")) continue;
      const resolved = path.posix.normalize(path.posix.join(dir, decodeURI(target)));
      if (resolved.startsWith("../")) continue; // outside the repository
      const checked = checkablePath(resolved);
      if (checked) refs.push({ file, line, text: target, checked, kind: "path" });
    }
    // Inline code: each word that looks like a path from the repository root. A placeholder with a
    // space (`<data dir>`) is one word.
    for (const m of lineText.matchAll(/`([^`]+)`/g)) {
      const code = m[1].replace(/<[^<>]*>/g, (placeholder) => placeholder.replace(/\s+/g, "_"));
      for (const word of code.split(/\s+/)) {
        const token = trimToken(word);
        if (token === "" || token.startsWith("/")) continue;
        if (!looksLikeRepositoryPath(token)) {
          if (BARE_FILE_NAME.test(token)) refs.push({ file, line, text: token, checked: token, kind: "name" });
          continue;
        }
        const checked = checkablePath(token);
        if (checked) refs.push({ file, line, text: token, checked, kind: "path" });
      }
    }
    // Running text: a path with a file extension (`see docs/decisions/0010-….md`).
    const prose = lineText.replace(/`[^`]*`/g, " ").replace(/\]\([^)]*\)/g, "] ");
    for (const m of prose.matchAll(PROSE_PATH)) {
      const token = trimToken(m[0]);
      const checked = checkablePath(token);
      if (checked) refs.push({ file, line, text: token, checked, kind: "path" });
    }
  });
  return refs;
}

function exists(relative: string): boolean {
  return existsSync(path.join(root, relative));
}

let fileNames: Set<string> | undefined;
/** Every file name in the repository (outside dependencies, build output and generated code). */
function repositoryFileNames(): Set<string> {
  if (fileNames) return fileNames;
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = dir === "" ? entry.name : `${dir}/${entry.name}`;
      if (!entry.isDirectory()) names.add(entry.name);
      else if (entry.name !== ".git" && !NOT_REPOSITORY.includes(`${rel}/`)) walk(rel);
    }
  };
  walk("");
  fileNames = names;
  return names;
}

function resolves(ref: Reference): boolean {
  return ref.kind === "path" ? exists(ref.checked) : repositoryFileNames().has(ref.checked);
}

const decisionsDir = "docs/decisions";
const RECORD = /^(\d{4})-.+\.md$/;

describe("paths named in the docs", () => {
  it("are found in code spans, links and running text, cut at placeholders and globs", () => {
    const refs = referencesIn(
      "docs/decisions/0001-x.md",
      [
        "See `lib/cdr/rating/sql.ts:12`, `npx tsx bench/cdr/probe.ts [calls]` and `app/(portal)/pbxs/[id]/page.tsx`.",
        "`lib/**/*.test.ts`, `<data dir>/database-url`, `prisma/migrations/…_price_list_versions`, `GET /api/files/:id`.",
        "`.data/e2e-<port>`, `lib/db/generated/enums`, `npm run db:migration -- <name>`, `playwright.config.ts`, `pdf.ts`.",
        "[0002](0002-jwt.md), [domain](../../../shared/domain.md), [site](https://example.com/lib/x.ts), [x](../architecture.md#layout).",
        "Prose: see docs/decisions/0010-x.md, prisma/prisma#5983 and lib/ alone; `transitions.ts` (`pdf.ts`, `a.b`).",
        "```",
        "lib/inside-a-fence.ts `lib/inside-a-fence.ts`",
        "```",
      ].join("\n"),
    );
    expect(refs.map((r) => `${r.kind} ${r.checked}`)).toEqual([
      "path lib/cdr/rating/sql.ts",
      "path bench/cdr/probe.ts",
      "path app/(portal)/pbxs/[id]/page.tsx",
      "path lib/",
      "path prisma/migrations/",
      "path playwright.config.ts",
      "name pdf.ts",
      "path docs/decisions/0002-jwt.md",
      "path docs/architecture.md",
      "name transitions.ts",
      "name pdf.ts",
      "path docs/decisions/0010-x.md",
    ]);
  });

  it("exist in the repository", () => {
    const missing: string[] = [];
    let count = 0;
    for (const file of markdownFiles()) {
      for (const ref of referencesIn(file, readFileSync(path.join(root, file), "utf8"))) {
        count++;
        if (!resolves(ref)) {
          const how =
            ref.kind === "name"
              ? " (no file of that name anywhere)"
              : ref.text === ref.checked
                ? ""
                : ` (checked as ${ref.checked})`;
          missing.push(`${ref.file}:${ref.line}: ${ref.text}${how}`);
        }
      }
    }
    expect(count).toBeGreaterThan(100); // the extraction still finds the docs' paths
    expect(missing, `${missing.length} path(s) named in the docs do not exist:\n${missing.join("\n")}\n`).toEqual([]);
  });
});

describe("docs/decisions/README.md", () => {
  const records = readdirSync(path.join(root, decisionsDir))
    .filter((name) => RECORD.test(name))
    .sort();
  const readme = readFileSync(path.join(root, decisionsDir, "README.md"), "utf8");
  const linked = [...readme.matchAll(/\]\(\s*<?([^)\s>]+)>?\s*\)/g)]
    .map((m) => path.posix.normalize(path.posix.join(decisionsDir, m[1].replace(/#.*$/, ""))))
    .filter((target) => target.startsWith(`${decisionsDir}/`) && RECORD.test(path.posix.basename(target)))
    .map((target) => path.posix.basename(target));

  it("links every decision record exactly once, and only records that exist", () => {
    const problems = [
      ...records.filter((r) => !linked.includes(r)).map((r) => `not listed: ${r}`),
      ...[...new Set(linked.filter((r, i) => linked.indexOf(r) !== i))].map((r) => `listed more than once: ${r}`),
      ...linked.filter((r) => !records.includes(r)).map((r) => `listed but no such record: ${r}`),
    ];
    expect(records.length).toBeGreaterThan(0);
    expect(problems, `docs/decisions/README.md:\n${problems.join("\n")}\n`).toEqual([]);
  });

  it("lists them in numeric order", () => {
    const numbers = linked.map((r) => Number(r.slice(0, 4)));
    expect(numbers, "docs/decisions/README.md lists the records out of numeric order").toEqual(
      [...numbers].sort((a, b) => a - b),
    );
  });
});
