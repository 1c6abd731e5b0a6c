import { z } from "zod";
import { route } from "@/lib/http/route";
import { searchText } from "@/lib/http/search-params";
import { suggestForPostcode } from "@/lib/validation/postcode-places";

const ZQuery = z.object({
  country: z.string().regex(/^[A-Z]{2}$/),
  postcode: z.string().trim().min(2).max(12),
  city: searchText(100),
  region: searchText(100),
});

// The city (and US state) a postcode names, for the address forms' suggestion (decision 0048). The
// datasets are megabytes, so they stay on the server. Every signed-in role holds account.manage.
export const GET = route({ permission: "account.manage", params: z.object({}) }, async ({ request }) => {
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return {};
  const { country, postcode, city, region } = query.data;
  return suggestForPostcode({ countryCode: country, postcode, city, region });
});
