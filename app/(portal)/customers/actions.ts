"use server";

import { revalidatePath } from "next/cache";
import { createCustomer } from "@/lib/customers/manage";
import { ZNewCustomer, ZUsageAlertThresholds } from "@/lib/customers/schemas";
import { setUsageAlertThresholds } from "@/lib/customers/usage-alerts";
import { action } from "@/lib/http/action";

export const createCustomerAction = action(
  { permission: "customers.manage", input: ZNewCustomer },
  async (input, { actor, db }) => {
    const customer = await createCustomer(db, actor, input);
    revalidatePath("/customers");
    return customer;
  },
);

export const setUsageAlertThresholdsAction = action(
  { permission: "customers.manage", input: ZUsageAlertThresholds },
  async (input, { actor, db }) => {
    const thresholds = await setUsageAlertThresholds(db, actor, input);
    revalidatePath("/customers");
    return thresholds;
  },
);
