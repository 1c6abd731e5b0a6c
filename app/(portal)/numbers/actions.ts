"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { setDefaultCallerNumber } from "@/lib/numbers/default-caller";
import { holdBlocks } from "@/lib/numbers/holds";
import { orderNumbers } from "@/lib/numbers/order";
import { releaseNumber } from "@/lib/numbers/release";
import { ZBlockChoice, ZDefaultCaller, ZOrderNumbers, ZReleaseNumber } from "@/lib/numbers/schemas";

export const holdBlocksAction = action({ permission: "numbers.order", input: ZBlockChoice }, (input, { actor, db }) =>
  holdBlocks(db, actor, input),
);

export const orderNumbersAction = action(
  { permission: "numbers.order", input: ZOrderNumbers },
  async (input, { actor, db }) => {
    const { result } = await orderNumbers(db, actor, input);
    revalidatePath(`/pbxs/${input.pbxId}`);
    return result;
  },
);

export const releaseNumberAction = action(
  { permission: "numbers.manage", input: ZReleaseNumber },
  async (input, { actor, db }) => {
    const released = await releaseNumber(db, actor, input);
    revalidatePath("/numbers");
    return released;
  },
);

export const setDefaultCallerAction = action(
  { permission: "numbers.manage", input: ZDefaultCaller },
  async (input, { actor, db }) => {
    const result = await setDefaultCallerNumber(db, actor, input);
    revalidatePath(`/pbxs/${input.pbxId}`);
    return result;
  },
);
