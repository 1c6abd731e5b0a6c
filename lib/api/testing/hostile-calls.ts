import { fileFieldsOf, type ApiEndpoint } from "../endpoint";
import type { ApiCall } from "./call-api";

const BAD_IDS = ["%00", "' OR 1=1 --", "c".repeat(2000)];
const BAD_VALUES: (string | string[])[] = ["\u0000", "x".repeat(5000), ["1", "2"]];
const BAD_JSON = ["{not json", "[]", '{"pbxId":{"not":null}}', '{"city":"\\u0000"}'];

/**
 * Malformed variants of a valid call to `endpoint`: each path parameter of the wrong shape, each
 * query parameter hostile, bodies that are not the object asked for (or not a form, for an upload).
 * Every one must be answered 4xx, never 5xx (the hostile sweep's rule, with a real key).
 */
export function hostileCalls(endpoint: ApiEndpoint, valid: ApiCall): [string, ApiCall][] {
  const calls: [string, ApiCall][] = [];
  for (const name of Object.keys(valid.params ?? {}))
    for (const id of BAD_IDS)
      calls.push([`${name}=${id.slice(0, 20)}`, { ...valid, params: { ...valid.params, [name]: id } }]);
  for (const name of Object.keys(endpoint.query?.shape ?? {}))
    for (const value of BAD_VALUES)
      calls.push([`?${name}=${String(value).slice(0, 20)}`, { ...valid, query: { ...valid.query, [name]: value } }]);
  if (endpoint.body) {
    const type = fileFieldsOf(endpoint).length ? "multipart/form-data; boundary=x" : "application/json";
    for (const rawBody of BAD_JSON)
      calls.push([
        `body ${rawBody}`,
        { ...valid, body: undefined, rawBody, headers: { ...valid.headers, "content-type": type } },
      ]);
  }
  for (const name of Object.keys(endpoint.headers?.shape ?? {}))
    calls.push([`${name}: hostile`, { ...valid, headers: { ...valid.headers, [name]: "x".repeat(300) } }]);
  return calls;
}

/** The hostile variants that were answered 5xx (or not as a problem), as "METHOD path variant → status": none, to pass. */
export async function hostileFailures(
  call: (endpoint: ApiEndpoint, variant: ApiCall) => Promise<{ status: number; response: Response }>,
  cases: [ApiEndpoint, ApiCall][],
): Promise<string[]> {
  const failures: string[] = [];
  for (const [endpoint, valid] of cases)
    for (const [label, variant] of hostileCalls(endpoint, valid)) {
      const { status, response } = await call(endpoint, variant);
      const problem = response.headers.get("content-type") === "application/problem+json";
      if (status >= 500 || (status >= 400 && !problem))
        failures.push(`${endpoint.method} ${endpoint.path} ${label} → ${status}`);
    }
  return failures;
}
