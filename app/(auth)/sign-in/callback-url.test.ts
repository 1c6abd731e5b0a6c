import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

const origin = "https://portal.classound.example";

describe("safeCallbackPath", () => {
  it("keeps a path on this origin, with its query", () => {
    expect(safeCallbackPath("/pbxs", origin)).toBe("/pbxs");
    expect(safeCallbackPath("/activations/abc?tab=documents#top", origin)).toBe("/activations/abc?tab=documents#top");
    expect(safeCallbackPath(`${origin}/pbxs`, origin)).toBe("/pbxs");
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "https://evil.example/pbxs",
    "http://portal.classound.example/pbxs",
    "/\t/evil.example",
    "/\n/evil.example",
    "/.//evil.example",
    "javascript:alert(1)",
    "https://portal.classound.example.evil.example/",
    "https://portal.classound.example@evil.example/",
  ])("ignores %j", (raw) => {
    expect(safeCallbackPath(raw, origin)).toBeNull();
  });

  it("ignores nothing at all and the sign-in page itself", () => {
    expect(safeCallbackPath(null, origin)).toBeNull();
    expect(safeCallbackPath("", origin)).toBeNull();
    expect(safeCallbackPath("/sign-in?callbackUrl=%2Fpbxs", origin)).toBeNull();
  });
});
