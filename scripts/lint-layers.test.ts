import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layer rule in eslint.config.mjs, tried on code that breaks it (and code that does not).
const eslint = new ESLint({ cwd: process.cwd() });
async function ruleIds(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId);
}

describe("layer rule", () => {
  it("refuses the database in components/", async () => {
    expect(
      await ruleIds('import { db } from "@/lib/db/client";\nexport const x = db;\n', "components/probe.ts"),
    ).toContain("@typescript-eslint/no-restricted-imports");
    expect(
      await ruleIds(
        'import type { Role } from "@/lib/db/generated/enums";\nexport type X = Role;\n',
        "components/probe.ts",
      ),
    ).toEqual([]);
  });

  it("refuses app/ and components/ in lib/", async () => {
    expect(
      await ruleIds('import { Button } from "@/components/ui/button";\nexport const x = Button;\n', "lib/probe.ts"),
    ).toContain("@typescript-eslint/no-restricted-imports");
    expect(
      await ruleIds(
        'import { approveAction } from "@/app/(portal)/admin/activations/actions";\nexport const x = approveAction;\n',
        "lib/probe.ts",
      ),
    ).toContain("@typescript-eslint/no-restricted-imports");
    expect(await ruleIds('import { db } from "@/lib/db/client";\nexport const x = db;\n', "lib/probe.ts")).toEqual([]);
  });
});
