import { apiRoute } from "@/lib/api/api-route";
import { holdNumbersEndpoint } from "@/lib/api/endpoints/numbers";
import { holdBlocks } from "@/lib/numbers/holds";

export const POST = apiRoute(holdNumbersEndpoint, ({ db, actor, body, now }) => holdBlocks(db, actor, body, now));
