/** "in about 40 seconds", "in about 2 minutes": a wait as a person reads it (rounded up, never "0"). */
export function waitInWords(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `in about ${s} second${s === 1 ? "" : "s"}`;
  const minutes = Math.ceil(s / 60);
  return `in about ${minutes} minute${minutes === 1 ? "" : "s"}`;
}
