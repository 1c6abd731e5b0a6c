"use server";

import { revalidatePath } from "next/cache";
import { ZNewPartnerKey, ZRevokePartnerKey } from "@/lib/api/key-schemas";
import { createPartnerKey, revokePartnerKey } from "@/lib/api/keys";
import { action } from "@/lib/http/action";

// The key is returned once, to the admin who made it; afterwards only its hash exists.
export const createPartnerKeyAction = action(
  { permission: "api_keys.manage", input: ZNewPartnerKey },
  async (input, { actor, db }) => {
    const { id, key } = await createPartnerKey(db, actor, input);
    revalidatePath("/api-keys");
    return { id, key };
  },
);

export const revokePartnerKeyAction = action(
  { permission: "api_keys.manage", input: ZRevokePartnerKey },
  async (input, { actor, db }) => {
    await revokePartnerKey(db, actor, input);
    revalidatePath("/api-keys");
  },
);
