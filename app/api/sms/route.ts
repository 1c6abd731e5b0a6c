import { pbxRecordsPost } from "@/lib/pbx/records-post";

/**
 * The PBX side posts its SMS records here: a JSON array (or {"messages": [...]}) or a CSV body with
 * the SMS file import's columns, authenticated by the PBX's API key (lib/pbx/records-post.ts,
 * docs/decisions/0044). Stored SMS are rated with their month's calls.
 */
export const POST = pbxRecordsPost("SMS");
