"use server";

import { revalidatePath } from "next/cache";
import { requestPriceListNotices, requestReratingAfterPublish } from "@/lib/jobs/enqueue";
import { action } from "@/lib/http/action";
import { publishPriceEdit } from "@/lib/pricing/import/publish";
import { ZPriceEdit } from "@/lib/pricing/schemas";

export const publishPriceEditAction = action(
  { permission: "pricelist.manage", input: ZPriceEdit },
  async (input, { actor, db }) => {
    const version = await publishPriceEdit(db, actor, input);
    await requestPriceListNotices(version.id);
    await requestReratingAfterPublish(version.id);
    revalidatePath("/admin/price-lists");
    revalidatePath("/price-list");
    return { name: version.name };
  },
);
