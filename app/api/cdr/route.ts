import { pbxRecordsPost } from "@/lib/pbx/records-post";

/**
 * The PBX side posts its call records here: a JSON array (or {"calls": [...]}) or a CSV body with
 * the file import's columns, authenticated by the PBX's API key (lib/pbx/records-post.ts).
 */
export const POST = pbxRecordsPost("CALLS");
