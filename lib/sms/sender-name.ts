// R15: what the network does to a sender name. Kept free of I/O so the page, the ticket form and the
// tests all see exactly the same conversion.

/** The symbols a sender name may contain, exactly as the SMS guide lists them. */
export const SENDER_NAME_SYMBOLS =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&()*+,-./:;<>=?¡äöñüà';
export const SENDER_NAME_MAX_SYMBOLS = 10;

const ALLOWED = new Set(Array.from(SENDER_NAME_SYMBOLS));

// Letters whose resemblance Unicode decomposition does not reveal (ł has no combining mark to strip),
// and typographic punctuation with a plain counterpart in the set.
const NEAREST: Record<string, string> = {
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ı: "i",
  ħ: "h",
  Ħ: "H",
  ŀ: "l",
  Ŀ: "L",
  ŧ: "t",
  Ŧ: "T",
  "“": '"',
  "”": '"',
  "„": '"',
  "–": "-",
  "—": "-",
  "‐": "-",
  "‑": "-",
  "…": ".",
  "\u00a0": " ",
};

export type SymbolReason = "kept" | "lowercased" | "nearest_letter" | "question_mark" | "cut";

export interface SenderNameSymbol {
  input: string;
  /** Null when the symbol is cut. */
  output: string | null;
  reason: SymbolReason;
}

export interface SenderNameCheck {
  /** Exactly what is sent. */
  sent: string;
  symbols: SenderNameSymbol[];
  /** The name was longer than the limit and its tail was dropped. */
  isCut: boolean;
  /** Nothing was changed. */
  isUnchanged: boolean;
}

function convertSymbol(symbol: string): Omit<SenderNameSymbol, "input"> {
  if (ALLOWED.has(symbol)) return { output: symbol, reason: "kept" };
  const lower = symbol.toLowerCase();
  if (lower !== symbol && ALLOWED.has(lower)) return { output: lower, reason: "lowercased" };
  const nearest = NEAREST[symbol] ?? symbol.normalize("NFD").replace(/\p{M}+/gu, "");
  if (nearest !== symbol && ALLOWED.has(nearest)) return { output: nearest, reason: "nearest_letter" };
  return { output: "?", reason: "question_mark" };
}

/**
 * The sender name as the network sends it: each symbol kept, lowercased (Ö → ö), replaced by the
 * nearest letter of the set (â → a) or by `?`; then cut to ten symbols. Symbols are code points of
 * the NFC form, so a decomposed "ü" is the one symbol it looks like.
 */
export function checkSenderName(name: string): SenderNameCheck {
  const symbols = Array.from(name.normalize("NFC")).map((input, index): SenderNameSymbol =>
    index < SENDER_NAME_MAX_SYMBOLS ? { input, ...convertSymbol(input) } : { input, output: null, reason: "cut" },
  );
  return {
    sent: symbols.map((s) => s.output ?? "").join(""),
    symbols,
    isCut: symbols.length > SENDER_NAME_MAX_SYMBOLS,
    isUnchanged: symbols.every((s) => s.reason === "kept"),
  };
}
