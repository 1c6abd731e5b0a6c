"use server";

import { revalidatePath } from "next/cache";
import { ZClearResalePricing, ZResalePricing } from "@/lib/billing/resale/schemas";
import { clearResalePricing, setResalePricing } from "@/lib/billing/resale/settings";
import { action } from "@/lib/http/action";

const revalidate = () => {
  revalidatePath("/billing/resale-prices");
  revalidatePath("/billing/rebilling");
};

export const setResalePricingAction = action(
  { permission: "resale.manage", input: ZResalePricing },
  async (input, { actor, db }) => {
    const saved = await setResalePricing(db, actor, input);
    revalidate();
    return saved;
  },
);

export const clearResalePricingAction = action(
  { permission: "resale.manage", input: ZClearResalePricing },
  async (input, { actor, db }) => {
    const cleared = await clearResalePricing(db, actor, input);
    revalidate();
    return cleared;
  },
);
