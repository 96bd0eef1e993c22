// Size limits shared by the schemas, the server's request-body limit (next.config.ts) and the
// editor, so that anything within a field's limit always reaches the schema (which then says
// what is wrong) instead of being cut off by the server with a generic error.

/** The longest article, in characters (UTF-16 code units, as JavaScript counts). */
export const ARTICLE_MAX = 400_000;

/**
 * The largest request body a server action or newsroom JSON route accepts, in bytes. A server
 * action sends its arguments as JSON (or as multipart form fields), so one character of the
 * article can take up to 6 bytes on the wire (a control character escaped as \u001f; a
 * non-ASCII character is 2–3 bytes in UTF-8). The largest article therefore always fits, with
 * room for the other (small) fields of the same request.
 */
export const REQUEST_BODY_MAX_BYTES = ARTICLE_MAX * 6 + 256 * 1024;

/** "2.6 MB", for messages. */
export const formatBytes = (bytes: number): string => `${(bytes / 1_000_000).toLocaleString("en", { maximumFractionDigits: 1 })} MB`;
