/** Set by proxy.ts on every request so server code can name the page in audit entries. */
export const PATH_HEADER = "x-classound-path";
