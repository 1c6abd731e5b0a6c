import { describe, expect, test } from "vitest";
import { ZSignIn } from "./schemas";

describe("the sign-in schema (shared by the form and authorize)", () => {
  test("an address is trimmed and lower-cased before it is checked", () => {
    expect(ZSignIn.parse({ email: "  Anna.Berger@Alpentel.EXAMPLE ", password: "secret" })).toEqual({
      email: "anna.berger@alpentel.example",
      password: "secret",
    });
  });

  test("each field says what is wrong with it", () => {
    const result = ZSignIn.safeParse({ email: "not an address", password: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["email", "Enter a valid e-mail address"],
      ["password", "Enter your password"],
    ]);
  });

  test("a password longer than 200 characters is refused before it is hashed", () => {
    expect(ZSignIn.safeParse({ email: "a@b.example", password: "x".repeat(201) }).success).toBe(false);
    expect(ZSignIn.safeParse({ email: "a@b.example", password: "x".repeat(200) }).success).toBe(true);
  });
});
