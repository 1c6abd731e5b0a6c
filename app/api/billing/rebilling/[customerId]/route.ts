import { z } from "zod";
import { rebillingCsv, rebillingFileName } from "@/lib/billing/resale/csv";
import { rebillingMonth } from "@/lib/billing/resale/month";
import { ZMonth } from "@/lib/billing/resale/schemas";
import { downloadHeaders } from "@/lib/http/download";
import { ZId } from "@/lib/http/ids";
import { route } from "@/lib/http/route";
import { AppError } from "@/lib/errors";

// One customer's month at resale prices, for its partner (issue 33). Another partner's customer is a
// 404 like a missing one (the lib reads it through the partner's scope); the month is checked before
// anything is read, so a bad one is a 400, never a cut file.
const ZQuery = z.object({ month: ZMonth.optional() });

export const GET = route(
  { permission: "resale.manage", params: z.object({ customerId: ZId }) },
  async ({ request, params, actor, db }) => {
    const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new AppError("BAD_REQUEST", "Name the month as YYYY-MM, e.g. 2026-10.");
    const { month } = query.data;
    const view = await rebillingMonth(db, actor, { month, customerId: params.customerId });
    const name = view.customer!.name;
    const body = new TextEncoder().encode(rebillingCsv(view.month, view.customers[0], name));
    return new Response(body, {
      headers: downloadHeaders(
        {
          fileName: rebillingFileName(name, view.month),
          contentType: "text/csv; charset=utf-8",
          sizeBytes: body.byteLength,
        },
        "attachment",
      ),
    });
  },
);
