import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkBuild, markBuilt, sourceHash } from "./build-state";

// A small project in a folder of its own (the check reads paths relative to the working directory).
describe("checkBuild", () => {
  const cwd = process.cwd();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "classound-build-state-"));
    await mkdir(path.join(dir, "lib", "db"), { recursive: true });
    await writeFile(path.join(dir, "lib", "db", "a.ts"), "export const a = 1;\n");
    await writeFile(path.join(dir, "lib", "db", "a.test.ts"), "// not part of the build\n");
    await writeFile(path.join(dir, "tsconfig.json"), "{}\n");
    process.chdir(dir);
  });
  afterAll(async () => {
    process.chdir(cwd);
    await rm(dir, { recursive: true, force: true });
  });

  it("reads the files only when their sizes or times changed, and rebuilds only when their content did", async () => {
    expect(await checkBuild()).toMatchObject({ current: false, checkedBy: "content" });

    // What `npm start` does after `next build`.
    await mkdir(".next");
    await writeFile(path.join(".next", "BUILD_ID"), "build-1");
    await markBuilt(await checkBuild());
    expect(await checkBuild()).toEqual({ current: true, hash: await sourceHash(), checkedBy: "stat" });

    // Touched, same content (a checkout, an editor's save): read once, no build.
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join("lib", "db", "a.ts"), later, later);
    expect(await checkBuild()).toMatchObject({ current: true, checkedBy: "content" });
    expect(await checkBuild()).toMatchObject({ current: true, checkedBy: "stat" });

    // The end-to-end server's build is another build: it and a plain one each rebuild over the other.
    process.env.CLASSOUND_TEST_BUILD = "1";
    try {
      expect(await checkBuild(), "a test build over a plain one").toMatchObject({ current: false });
      await markBuilt(await checkBuild());
      expect(await checkBuild()).toMatchObject({ current: true });
    } finally {
      delete process.env.CLASSOUND_TEST_BUILD;
    }
    expect(await checkBuild(), "a plain build over a test one").toMatchObject({ current: false });
    await markBuilt(await checkBuild());

    // A test file is not part of the build.
    await writeFile(path.join("lib", "db", "a.test.ts"), "// edited\n");
    expect(await checkBuild()).toMatchObject({ current: true });

    // Edited, even to the same size: a build.
    await writeFile(path.join("lib", "db", "a.ts"), "export const a = 2;\n");
    expect(await checkBuild()).toMatchObject({ current: false, checkedBy: "content" });
    expect(await checkBuild(), "until it is built").toMatchObject({ current: false, checkedBy: "stat" });
  });
});
