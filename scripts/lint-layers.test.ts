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

  it("refuses a database query or client in app/, and lets the handle pass to lib/", async () => {
    const page = "app/(portal)/probe/page.tsx";
    const queries = [
      'import { db } from "@/lib/db/client";\nexport const n = () => db().user.count();\n',
      'import { db } from "@/lib/db/client";\nconst handle = db();\nexport const n = () => handle.user.count();\n',
      'import { route } from "@/lib/http/route";\nimport { z } from "zod";\nexport const GET = route({ permission: "users.manage", params: z.object({}) }, async ({ db }) => db.user.count());\n',
      'import { cdrPool } from "@/lib/cdr/import/pool";\nexport const n = () => cdrPool().query("SELECT 1");\n',
      'import { PrismaClient } from "@/lib/db/generated/client";\nexport const x = PrismaClient;\n',
      'import { unsafeSeed } from "@/lib/db/seed";\nexport const x = unsafeSeed;\n',
      'import pg from "pg";\nexport const x = pg;\n',
      'import { PrismaPg } from "@prisma/adapter-pg";\nexport const x = PrismaPg;\n',
    ];
    for (const code of queries)
      expect(await ruleIds(code, page), code).toEqual(
        expect.arrayContaining([expect.stringMatching(/no-restricted-(imports|syntax)$/)]),
      );
    expect(
      await ruleIds(
        'import { db } from "@/lib/db/client";\nimport { listUsers } from "@/lib/users/queries";\n' +
          'import { ActivationStatus } from "@/lib/db/generated/enums";\nimport type { Prisma } from "@/lib/db/generated/client";\n' +
          "export const rows = (actor: never, where: Prisma.UserWhereInput) => listUsers(db(), actor, { where, status: ActivationStatus.DRAFT });\n",
        page,
      ),
    ).toEqual([]);
  });
});
