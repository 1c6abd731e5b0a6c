import { z } from "zod";
import { statisticsContext } from "@/lib/cdr/statistics/context";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { smsPerUser } from "@/lib/sms/statistics/sms-per-user";

const ZSmsPage = z.coerce.number().int().min(1).max(100_000).default(1);

/** SMS sent and received per user for the statistics' filters; `smsPage` pages the users. */
export const GET = route(
  { permission: "statistics.view", params: z.object({}).optional() },
  async ({ request, actor, db }) => {
    const query = new URL(request.url).searchParams;
    const page = ZSmsPage.safeParse(query.get("smsPage") ?? undefined);
    if (!page.success) throw new AppError("BAD_REQUEST", "smsPage is a page number from 1.");
    query.delete("smsPage");
    return smsPerUser(db, await statisticsContext(db, actor, query), page.data);
  },
);
