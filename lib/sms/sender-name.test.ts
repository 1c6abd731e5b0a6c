import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSenderName, SENDER_NAME_MAX_SYMBOLS, SENDER_NAME_SYMBOLS } from "./sender-name";

const ALLOWED = new Set(Array.from(SENDER_NAME_SYMBOLS));
const reasons = (name: string) => checkSenderName(name).symbols.map((s) => `${s.input}→${s.output ?? ""}:${s.reason}`);

describe("R15 sender names", () => {
  it("holds exactly the symbols the SMS guide lists", () => {
    // The guide's notation, ranges expanded.
    const guide = 'a-zA-Z0-9@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&()*+,-./:;<>=?¡äöñüà';
    const range = (from: string, to: string) =>
      Array.from({ length: to.charCodeAt(0) - from.charCodeAt(0) + 1 }, (_, i) =>
        String.fromCharCode(from.charCodeAt(0) + i),
      );
    const expected = [
      ...range("a", "z"),
      ...range("A", "Z"),
      ...range("0", "9"),
      ...Array.from(guide.slice("a-zA-Z0-9".length)),
    ];
    expect(Array.from(SENDER_NAME_SYMBOLS).sort()).toEqual(expected.sort());
    expect(ALLOWED.size).toBe(62 + 56);
  });

  it("keeps every allowed symbol as it is", () => {
    for (const symbol of ALLOWED)
      expect(checkSenderName(symbol).symbols[0]).toEqual({ input: symbol, output: symbol, reason: "kept" });
  });

  it("turns non-Latin capitals into their small letter", () => {
    for (const [capital, small] of [
      ["Ö", "ö"],
      ["Ä", "ä"],
      ["Ñ", "ñ"],
      ["Ü", "ü"],
      ["È", "è"],
      ["Ù", "ù"],
      ["Ì", "ì"],
      ["Ò", "ò"],
      ["À", "à"],
    ]) {
      expect(checkSenderName(capital).symbols[0]).toEqual({ input: capital, output: small, reason: "lowercased" });
    }
  });

  it("replaces other letters with the nearest letter of the set", () => {
    expect(checkSenderName("â").sent).toBe("a");
    expect(checkSenderName("Ê").sent).toBe("E");
    expect(checkSenderName("ç").sent).toBe("c");
    expect(checkSenderName("Łódź").sent).toBe("Lodz");
    expect(checkSenderName("Čeština").sent).toBe("Cestina");
    expect(checkSenderName("—").symbols[0]).toEqual({ input: "—", output: "-", reason: "nearest_letter" });
  });

  it("replaces what has no similar letter with ?", () => {
    for (const symbol of ["α", "ж", "中", "😀", "'", "\n", "€", "§"])
      expect(checkSenderName(symbol).symbols[0]).toEqual({ input: symbol, output: "?", reason: "question_mark" });
  });

  it("cuts names longer than ten symbols and says so", () => {
    const check = checkSenderName("Müller&Söhne GmbH");
    expect(check.sent).toBe("Müller&Söh");
    expect(check.isCut).toBe(true);
    expect(
      check.symbols
        .filter((s) => s.reason === "cut")
        .map((s) => s.input)
        .join(""),
    ).toBe("ne GmbH");
    expect(checkSenderName("ABCDEFGHIJ")).toMatchObject({ sent: "ABCDEFGHIJ", isCut: false, isUnchanged: true });
  });

  it("counts a decomposed letter and an emoji as one symbol each", () => {
    expect(checkSenderName("Mu\u0308ller").sent).toBe("Müller");
    expect(checkSenderName("😀😀😀😀😀😀😀😀😀😀😀").sent).toBe("??????????");
  });

  it("describes every symbol of the example from the guide", () => {
    expect(reasons("Öâ")).toEqual(["Ö→ö:lowercased", "â→a:nearest_letter"]);
  });

  it("maps every code point of the Basic Multilingual Plane to one allowed symbol", () => {
    const outside: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const symbol = String.fromCharCode(code);
      // A few code points (e.g. U+0958) recompose into two symbols: the length rule covers them.
      if (Array.from(symbol.normalize("NFC")).length !== 1) continue;
      const { sent } = checkSenderName(symbol);
      if (!ALLOWED.has(sent)) outside.push(`U+${code.toString(16)} → ${sent}`);
    }
    expect(outside).toEqual([]);
  });
});

describe("R15 sender names, for any input", () => {
  const anyName = fc.string({ unit: "binary", maxLength: 40 });

  it("is never longer than ten symbols", () => {
    fc.assert(fc.property(anyName, (name) => Array.from(checkSenderName(name).sent).length <= SENDER_NAME_MAX_SYMBOLS));
  });

  it("never sends a symbol outside the set", () => {
    fc.assert(fc.property(anyName, (name) => Array.from(checkSenderName(name).sent).every((s) => ALLOWED.has(s))));
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const once = checkSenderName(name).sent;
        const twice = checkSenderName(once);
        return twice.sent === once && twice.isUnchanged;
      }),
    );
  });
});
