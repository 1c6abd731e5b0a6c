import { DOCS_ASSETS, DOCS_CSP } from "../assets";

// Only the named files: the segment never reaches the file system as a path.
export async function GET(_request: Request, { params }: { params: Promise<{ asset: string }> }): Promise<Response> {
  const { asset } = await params;
  const file = Object.hasOwn(DOCS_ASSETS, asset) ? DOCS_ASSETS[asset] : undefined;
  if (!file) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(new Uint8Array(Buffer.from(await file.read())), {
    headers: {
      "Content-Type": file.type,
      // The page asks with ?v=<renderer version>, so a day's caching never mixes versions.
      "Cache-Control": "public, max-age=86400",
      "Content-Security-Policy": DOCS_CSP,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
