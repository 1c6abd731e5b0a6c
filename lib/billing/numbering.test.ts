import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";
import { documentYear, formatDocumentNumber, nextDocumentNumber, supplierDay } from "./numbering";

const { prisma } = await createTestDatabase();

describe("document numbers", () => {
  it("reads as the year and six digits, credit notes with their prefix", () => {
    expect(formatDocumentNumber("INVOICE", 2026, 1)).toBe("2026-000001");
    expect(formatDocumentNumber("CREDIT_NOTE", 2026, 123)).toBe("CN-2026-000123");
  });

  it("takes the year of the issue date in Rome, not in UTC", () => {
    // 23:30 UTC on 31 December is 00:30 on 1 January in Rome.
    expect(documentYear(new Date("2026-12-31T23:30:00Z"))).toBe(2027);
    expect(documentYear(new Date("2026-12-31T22:30:00Z"))).toBe(2026);
    expect(supplierDay(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
  });

  it("numbers concurrent issues 1..n without a gap, per series and year, and a rollback gives its number back", async () => {
    const take = (series: "INVOICE" | "CREDIT_NOTE", year: number) =>
      prisma.$transaction((tx) => nextDocumentNumber(tx, series, year));
    const numbers = await Promise.all(Array.from({ length: 8 }, () => take("INVOICE", 2091)));
    expect(numbers.sort()).toEqual(Array.from({ length: 8 }, (_, i) => formatDocumentNumber("INVOICE", 2091, i + 1)));

    // A transaction that took a number and then failed leaves no hole.
    await expect(
      prisma.$transaction(async (tx) => {
        expect(await nextDocumentNumber(tx, "INVOICE", 2091)).toBe("2091-000009");
        throw new Error("the issue failed after numbering");
      }),
    ).rejects.toThrow("failed after numbering");
    expect(await take("INVOICE", 2091)).toBe("2091-000009");

    // Each series and year counts on its own.
    expect(await take("CREDIT_NOTE", 2091)).toBe("CN-2091-000001");
    expect(await take("INVOICE", 2092)).toBe("2092-000001");
  });
});
