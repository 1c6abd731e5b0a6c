import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (["generated", "testing", "node_modules"].includes(name)) return [];
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

/** Lines of code (not comments) that show users a rule number or a "(s)" plural. */
function copyProblems(pattern: RegExp) {
  const found: string[] = [];
  for (const file of ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(ROOT, dir)))) {
    const relative = path.relative(ROOT, file);
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (/^\s*(\/\/|\*|\/\*|\{\/\*)/.test(line)) return;
        if (pattern.test(line)) found.push(`${relative}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

describe("the copy, as someone who never read the rules reads it", () => {
  it("shows no rule numbers such as (R3)", () => {
    expect(copyProblems(/\(R\d{1,2}\)|\ban? R\d{1,2} [a-z]/)).toEqual([]);
  });

  it("writes no plural as (s): counts go through formatCount", () => {
    expect(copyProblems(/[a-z]{2,}\(s\)(?=[ "'`]|\.[\s"'`])/)).toEqual([]);
  });
});
