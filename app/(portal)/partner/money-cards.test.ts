import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MonthSoFarCard } from "@/components/billing/dashboard/month-so-far-card";
import { RecurringCard } from "@/components/billing/dashboard/recurring-card";
import { RenewalsCalendarCard } from "@/components/billing/dashboard/renewals-calendar";
import type { MonthSoFar } from "@/lib/billing/dashboard/month-so-far";
import type { Recurring } from "@/lib/billing/dashboard/recurring";
import type { RenewalsCalendar } from "@/lib/billing/dashboard/renewals-calendar";

// The dashboard's money cards (docs/decisions/0065) as the page renders them, full and empty.
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

const EMPTY_MONTH: MonthSoFar = {
  month: "2026-10",
  timeZone: "Europe/Berlin",
  money: [],
  unrated: { calls: 0, sms: 0 },
  previous: null,
};

describe("the partner dashboard's money cards", () => {
  it("month so far: each kind, the VAT, the unrated warning and last month's issued invoice as a link", () => {
    const html = renderToStaticMarkup(
      createElement(MonthSoFarCard, {
        data: {
          ...EMPTY_MONTH,
          money: [
            {
              currency: "EUR",
              byKind: { flatFees: "834.10", numbers: "31.60", calls: "0.70", freephone: "0.06", sms: "0.05" },
              net: "866.51",
              vatRate: "19",
              vat: "164.64",
              total: "1031.15",
              reverseCharge: false,
            },
          ],
          unrated: { calls: 3, sms: 1 },
          previous: {
            month: "2026-09",
            status: "OVERDUE",
            issued: {
              id: "inv1",
              number: "2026-000042",
              total: "1188.81",
              currency: "EUR",
              dueAt: new Date("2026-10-31Z"),
            },
          },
        },
      }),
    );
    const shown = text(html);
    expect(shown).toContain("October 2026 so far");
    expect(shown).toContain("3 calls and 1 SMS not rated yet");
    expect(shown).toContain("The month cannot be invoiced until they are.");
    for (const part of [
      "Flat fees €834.10",
      "Numbers €31.60",
      "FreePhone €0.06",
      "VAT 19 % €164.64",
      "Total with VAT €1,031.15",
    ])
      expect(shown).toContain(part);
    expect(html).toContain('href="/billing/invoices/inv1"');
    expect(shown).toContain("September 2026: invoice 2026-000042 Overdue €1,188.81 due 31 Oct 2026");
  });

  it("month so far, empty: nothing charged, no warning, a draft named without figures or link", () => {
    const html = renderToStaticMarkup(
      createElement(MonthSoFarCard, {
        data: { ...EMPTY_MONTH, previous: { month: "2026-09", status: "DRAFT", issued: null } },
      }),
    );
    const shown = text(html);
    expect(shown).toContain("Nothing charged yet this month.");
    expect(shown).not.toContain("not rated");
    expect(shown).toContain("September 2026: invoice being prepared Draft");
    expect(html).not.toContain("/billing/invoices/");
  });

  it("recurring: revenue, cost and margin per currency, and what has no price", () => {
    const data: Recurring = {
      figures: [{ currency: "EUR", cost: "203.60", revenue: "264.00", margin: "60.40" }],
      services: 3,
      users: 16,
      numbers: 16,
      unpriced: { services: 0, numbers: 2 },
    };
    const shown = text(renderToStaticMarkup(createElement(RecurringCard, { data })));
    expect(shown).toContain("Revenue, at your resale prices €264.00");
    expect(shown).toContain("Cost, at your price list €203.60");
    expect(shown).toContain("Margin €60.40");
    expect(shown).toContain("3 services · 16 users · 16 numbers");
    expect(shown).toContain("no price in force for them: 2 numbers.");
    const empty = { ...data, figures: [], services: 0, users: 0, numbers: 0, unpriced: { services: 0, numbers: 0 } };
    expect(text(renderToStaticMarkup(createElement(RecurringCard, { data: empty })))).toContain(
      "No CLASSOUND service or number is running yet",
    );
  });

  it("calendar: months, days with their count, PBX links and what renews; empty state", () => {
    const entry = { customerName: "Brauhaus", licence: true, service: true, cancelled: false };
    const data: RenewalsCalendar = {
      timeZone: "Europe/Berlin",
      days: 90,
      total: 8,
      months: [
        {
          month: "2026-12",
          count: 8,
          days: [
            {
              day: "2026-12-01",
              count: 7,
              entries: [
                { ...entry, pbxId: "p1", pbxName: "Harbour" },
                { ...entry, pbxId: "p2", pbxName: "Depot", service: false },
                { ...entry, pbxId: "p3", pbxName: "Clinic", cancelled: true },
              ],
            },
          ],
        },
      ],
    };
    const html = renderToStaticMarkup(createElement(RenewalsCalendarCard, { data }));
    const shown = text(html);
    expect(shown).toContain("December 2026 · 8 renewals");
    expect(html).toContain('<time dateTime="2026-12-01"');
    expect(shown).toContain("01 Dec 2026 7 renewals");
    expect(shown).toContain("Harbour Brauhaus Licence + CLASSOUND");
    expect(shown).toContain("Depot Brauhaus Licence");
    expect(shown).toContain("Clinic Brauhaus CLASSOUND ends");
    expect(shown).toContain("and 4 more");
    for (const id of ["p1", "p2", "p3"]) expect(html).toContain(`href="/pbxs/${id}"`);
    const empty = renderToStaticMarkup(
      createElement(RenewalsCalendarCard, { data: { ...data, total: 0, months: [] } }),
    );
    expect(text(empty)).toContain("No PBX licence or CLASSOUND service ends in the next 90 days.");
  });
});
