import { importPostedRecords, MAX_POSTED_RECORDS } from "@/lib/cdr/import/pbx-post";
import { cdrPool } from "@/lib/cdr/import/pool";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { db } from "@/lib/db/client";
import type { ImportKind } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { failureOf, jsonResult } from "@/lib/http/action-result";
import { requestCdrRating } from "@/lib/jobs/enqueue";
import { unsafePbxOfApiKey } from "@/lib/pbx/api-keys";

/**
 * The POST handler a PBX sends its records to (calls: /api/cdr, SMS: /api/sms), with
 * `Authorization: Bearer <the PBX's API key>` and a JSON or CSV body. No session and no Origin check:
 * the key is the credential, a browser never sends it by itself. Answers with the validation report;
 * the months it touched are rated in the background (calls and SMS by the same monthly run).
 */
export function pbxRecordsPost(kind: ImportKind) {
  return async function POST(request: Request): Promise<Response> {
    try {
      const pbx = await unsafePbxOfApiKey(db(), request.headers.get("authorization"));
      const limit = readRuntimeEnv().UPLOAD_MAX_BYTES;
      const tooLarge = () =>
        new AppError("TOO_LARGE", `At most ${limit} bytes or ${MAX_POSTED_RECORDS} records per request.`);
      if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
      const body = await request.text();
      if (Buffer.byteLength(body) > limit) throw tooLarge();
      const contentType = request.headers.get("content-type") ?? "text/csv";
      const { months, ...report } = await importPostedRecords(db(), cdrPool(), kind, pbx, body, contentType);
      await requestCdrRating(months);
      return jsonResult({ ok: true, data: report });
    } catch (error) {
      return jsonResult(failureOf(error));
    }
  };
}
