"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { publishPriceEditAction } from "@/app/(portal)/admin/price-lists/actions";
import { Alert, Button, FormField, Input, Select, toast } from "@/components/ui";

interface EditablePrice {
  key: string;
  section: string;
  label: string;
  price: string;
}

/**
 * A small change without a workbook: one price of the tier's latest version, published as a new
 * version from a date (the server checks it like an imported workbook).
 */
export function PriceEditForm({
  tier,
  prices,
  today,
}: {
  tier: { code: string; name: string };
  prices: EditablePrice[];
  today: string;
}) {
  const router = useRouter();
  const [key, setKey] = useState("");
  const [price, setPrice] = useState("");
  const [validFrom, setValidFrom] = useState(today);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const sections = [...new Set(prices.map((p) => p.section))];
  const current = prices.find((p) => p.key === key);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await publishPriceEditAction({ tierCode: tier.code, key, price, validFrom });
    setPending(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      return setError(result.error);
    }
    setErrors({});
    setKey("");
    setPrice("");
    toast({
      title: `${result.data.name} published`,
      description: "Partners on this tier are being notified.",
      variant: "success",
    });
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormField label="Price" error={errors.key?.join(" ")} hint={current ? `Now ${current.price}.` : undefined}>
        {(field) => (
          <Select {...field} value={key} onChange={(e) => setKey(e.target.value)}>
            <option value="" disabled>
              Choose a price of {tier.name}…
            </option>
            {sections.map((section) => (
              <optgroup key={section} label={section}>
                {prices
                  .filter((p) => p.section === section)
                  .map((p) => (
                    <option key={p.key} value={p.key}>
                      {p.label}: {p.price}
                    </option>
                  ))}
              </optgroup>
            ))}
          </Select>
        )}
      </FormField>
      <div className="flex flex-wrap items-end gap-3">
        <FormField label="New price" error={errors.price?.join(" ")} className="w-40">
          {(field) => (
            <Input
              {...field}
              inputMode="decimal"
              autoComplete="off"
              value={price}
              onChange={(e) => setPrice(e.target.value)}
            />
          )}
        </FormField>
        <FormField label="In force from" error={errors.validFrom?.join(" ")} className="w-48">
          {(field) => (
            <Input
              {...field}
              type="date"
              min={today}
              value={validFrom}
              onChange={(e) => setValidFrom(e.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" loading={pending} disabled={!key || !price}>
          Publish with this price
        </Button>
      </div>
      {error && <Alert variant="danger">{error}</Alert>}
    </form>
  );
}
