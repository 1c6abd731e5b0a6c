import { describe, expect, it } from "vitest";
import { splitSqlStatements } from "./sql-script";

describe("splitSqlStatements", () => {
  it("splits at the semicolons that end statements", () => {
    expect(splitSqlStatements("CREATE TABLE a (x int);\nINSERT INTO a VALUES (1);\n")).toEqual([
      "CREATE TABLE a (x int)",
      "INSERT INTO a VALUES (1)",
    ]);
  });

  it("keeps function bodies, strings, identifiers and comments whole", () => {
    const body = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'no; never';
  RETURN NEW;
END $$`;
    const tagged = `DO $body$ BEGIN PERFORM 1; END $body$`;
    const script = `-- a comment; with a semicolon
${body};
/* block; comment */ UPDATE "x;y" SET v = 'it''s; fine';
${tagged};`;
    expect(splitSqlStatements(script)).toEqual([
      `-- a comment; with a semicolon\n${body}`,
      `/* block; comment */ UPDATE "x;y" SET v = 'it''s; fine'`,
      tagged,
    ]);
  });

  it("drops what holds only comments", () => {
    expect(splitSqlStatements("SELECT 1;\n-- the end\n")).toEqual(["SELECT 1"]);
  });
});
