"use server";

import { revalidatePath } from "next/cache";
import { archiveCustomer, restoreCustomer } from "@/lib/customers/archive";
import { updateCustomer } from "@/lib/customers/manage";
import { ZCustomerEdit, ZCustomerRef } from "@/lib/customers/schemas";
import { action } from "@/lib/http/action";

function revalidateCustomer(customerId: string) {
  revalidatePath("/customers");
  revalidatePath(`/customers/${customerId}`);
}

export const updateCustomerAction = action(
  { permission: "customers.manage", input: ZCustomerEdit },
  async (input, { actor, db }) => {
    const result = await updateCustomer(db, actor, input);
    revalidateCustomer(input.customerId);
    return result;
  },
);

export const archiveCustomerAction = action(
  { permission: "customers.manage", input: ZCustomerRef },
  async (input, { actor, db }) => {
    const result = await archiveCustomer(db, actor, input);
    revalidateCustomer(input.customerId);
    return result;
  },
);

export const restoreCustomerAction = action(
  { permission: "customers.manage", input: ZCustomerRef },
  async (input, { actor, db }) => {
    const result = await restoreCustomer(db, actor, input);
    revalidateCustomer(input.customerId);
    return result;
  },
);
