import { clientAddress } from "@/lib/auth/client-address";
import { importPostedRecords, MAX_POSTED_RECORDS } from "@/lib/cdr/import/pbx-post";
import { cdrPool, cdrRatingDb } from "@/lib/cdr/import/pool";
import { rateArrivals } from "@/lib/cdr/rate-arrivals";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { db } from "@/lib/db/client";
import type { ImportKind } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { failureOf, jsonResult } from "@/lib/http/action-result";
import { requestArrivalFollowUps } from "@/lib/jobs/cdr-jobs";
import { enqueueFromApp, requestCdrRating } from "@/lib/jobs/enqueue";
import { unsafePbxOfApiKey } from "@/lib/pbx/api-keys";

/**
 * Rates what a post stored before it is answered (decision 0053): its PBX's new records, each user
 * from its first new one, with their days' roll-ups (`rateArrivals`), so the dashboards count them
 * when the PBX has its answer; the rankings and usage alerts follow as jobs. On its own two
 * connections (`cdrRatingDb`). If that fails the records are stored all the same: a job rates them.
 */
async function rateInRequest(months: string[], pbxId: string) {
  try {
    await requestArrivalFollowUps(enqueueFromApp, await rateArrivals(cdrRatingDb(), months, [pbxId], new Date()));
  } catch (error) {
    console.error("[cdr] could not rate a post in its request; a job will", error);
    await requestCdrRating(months);
  }
}

/**
 * The POST handler a PBX sends its records to (calls: /api/cdr, SMS: /api/sms), with
 * `Authorization: Bearer <the PBX's API key>` and a JSON or CSV body. No session and no Origin check:
 * the key is the credential, a browser never sends it by itself. Answers with the validation report
 * once the records it stored are rated and rolled up (calls and SMS by the same monthly run).
 */
export function pbxRecordsPost(kind: ImportKind) {
  return async function POST(request: Request): Promise<Response> {
    try {
      const pbx = await unsafePbxOfApiKey(db(), request.headers.get("authorization"), clientAddress(request.headers));
      const limit = readRuntimeEnv().UPLOAD_MAX_BYTES;
      const tooLarge = () =>
        new AppError("TOO_LARGE", `At most ${limit} bytes or ${MAX_POSTED_RECORDS} records per request.`);
      if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
      const body = await request.text();
      if (Buffer.byteLength(body) > limit) throw tooLarge();
      const contentType = request.headers.get("content-type") ?? "text/csv";
      const { months, ...report } = await importPostedRecords(db(), cdrPool(), kind, pbx, body, contentType);
      await rateInRequest(months, pbx.id);
      return jsonResult({ ok: true, data: report });
    } catch (error) {
      return jsonResult(failureOf(error));
    }
  };
}
