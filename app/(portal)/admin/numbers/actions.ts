"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/http/action";
import { ZId } from "@/lib/http/ids";
import { commitRangeImport } from "@/lib/numbers/range-import";

export const commitImportAction = action(
  { permission: "numbers.manage_inventory", input: z.object({ importId: ZId }) },
  async (input, { actor, db }) => {
    const result = await commitRangeImport(db, actor, input);
    revalidatePath("/admin/numbers");
    return result;
  },
);
