"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { applyLicenceChange, previewLicenceChange } from "@/lib/pbx/licence-change";
import { ZLicenceChange } from "@/lib/pbx/schemas";

/** What a licence change would do and charge: shown before the partner confirms it. */
export const previewLicenceChangeAction = action(
  { permission: "pbx.manage", input: ZLicenceChange },
  (input, { actor, db }) => previewLicenceChange(db, actor, input),
);

export const applyLicenceChangeAction = action(
  { permission: "pbx.manage", input: ZLicenceChange },
  async (input, { actor, db }) => {
    const outcome = await applyLicenceChange(db, actor, input);
    revalidatePath(`/pbxs/${input.pbxId}`, "layout");
    return outcome;
  },
);
