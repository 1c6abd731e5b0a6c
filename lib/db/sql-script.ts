/**
 * A migration script as the statements PostgreSQL will parse, split at the semicolons that end
 * them. The adapter's own `executeScript` splits at every ";", which cuts a function body
 * (`$$ ... ; ... $$`) or a comment or string holding one into pieces; this skips semicolons inside
 * quotes, dollar-quoted bodies and comments.
 */
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const skipTo = (end: string, from: number) => {
    const at = script.indexOf(end, from);
    return at < 0 ? script.length : at + end.length;
  };
  while (i < script.length) {
    const c = script[i]!;
    const next = script[i + 1];
    if (c === "-" && next === "-") i = skipTo("\n", i + 2);
    else if (c === "/" && next === "*") i = skipTo("*/", i + 2);
    else if (c === "'" || c === '"') i = skipQuoted(script, i, c);
    else if (c === "$") {
      const tag = /^\$[A-Za-z_]*\$/.exec(script.slice(i))?.[0];
      i = tag ? skipTo(tag, i + tag.length) : i + 1;
    } else if (c === ";") {
      statements.push(script.slice(start, i));
      start = ++i;
    } else i++;
  }
  statements.push(script.slice(start));
  return statements.map((s) => s.trim()).filter((s) => s.replace(/--[^\n]*/g, "").trim().length > 0);
}

/** Past a quoted string or identifier, where a doubled quote is the quote itself. */
function skipQuoted(script: string, from: number, quote: string) {
  let i = from + 1;
  while (i < script.length) {
    if (script[i] === quote) {
      if (script[i + 1] !== quote) return i + 1;
      i += 2;
    } else i++;
  }
  return i;
}
