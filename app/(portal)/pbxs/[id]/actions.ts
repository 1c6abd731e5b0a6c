"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { createPbxApiKey, revokePbxApiKey, ZCreateApiKey, ZRevokeApiKey } from "@/lib/pbx/api-keys";

export const createApiKeyAction = action(
  { permission: "pbx.api_keys", input: ZCreateApiKey },
  async (input, { actor, db }) => {
    const created = await createPbxApiKey(db, actor, input);
    revalidatePath(`/pbxs/${input.pbxId}`, "layout");
    return created;
  },
);

export const revokeApiKeyAction = action(
  { permission: "pbx.api_keys", input: ZRevokeApiKey.extend({ pbxId: ZCreateApiKey.shape.pbxId }) },
  async ({ keyId, pbxId }, { actor, db }) => {
    await revokePbxApiKey(db, actor, { keyId });
    revalidatePath(`/pbxs/${pbxId}`, "layout");
  },
);
