import { failureOf, jsonResult } from "@/lib/http/action-result";
import { importFromPbx, MAX_API_RECORDS } from "@/lib/cdr/import/api-import";
import { cdrPool } from "@/lib/cdr/import/pool";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { requestCdrRating } from "@/lib/jobs/enqueue";
import { unsafePbxOfApiKey } from "@/lib/pbx/api-keys";

/**
 * The PBX side posts its call records here: `Authorization: Bearer <the PBX's API key>`, a JSON
 * array (or {"calls": [...]}) or a CSV body with the file import's columns. No session and no
 * Origin check: the key is the credential, a browser never sends it by itself. Answers with the
 * validation report; rating follows in the background.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const pbx = await unsafePbxOfApiKey(db(), request.headers.get("authorization"));
    const limit = readRuntimeEnv().UPLOAD_MAX_BYTES;
    if (Number(request.headers.get("content-length") ?? 0) > limit)
      throw new AppError("TOO_LARGE", `At most ${limit} bytes or ${MAX_API_RECORDS} records per request.`);
    const body = await request.text();
    if (Buffer.byteLength(body) > limit)
      throw new AppError("TOO_LARGE", `At most ${limit} bytes or ${MAX_API_RECORDS} records per request.`);
    const { months, ...report } = await importFromPbx(
      db(),
      cdrPool(),
      pbx,
      body,
      request.headers.get("content-type") ?? "text/csv",
    );
    await requestCdrRating(months, [pbx.id]);
    return jsonResult({ ok: true, data: report });
  } catch (error) {
    return jsonResult(failureOf(error));
  }
}
