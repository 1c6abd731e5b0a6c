"use server";

import { revalidatePath } from "next/cache";
import { createCustomer, updateCustomerLegalEntity } from "@/lib/customers/manage";
import { ZCustomerLegalEntity, ZNewCustomer, ZUsageAlertThresholds } from "@/lib/customers/schemas";
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

export const updateCustomerLegalEntityAction = action(
  { permission: "customers.manage", input: ZCustomerLegalEntity },
  async (input, { actor, db }) => {
    await updateCustomerLegalEntity(db, actor, input);
    revalidatePath("/customers");
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
