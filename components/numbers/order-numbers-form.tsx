"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { holdBlocksAction, orderNumbersAction } from "@/app/(portal)/numbers/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { formatDateTime } from "@/lib/format";
import { NUMBER_TYPE_LABEL } from "@/lib/numbers/blocks";
import type { OrderFormOptions } from "@/lib/numbers/context";
import { blocksForQuantity, quantityProblem, stockSummary } from "@/lib/numbers/quantity";
import { numberRequestHref } from "@/lib/numbers/request-link";
import { ZOrderQuantity } from "@/lib/numbers/schemas";
import { ChargeLines } from "./charge-lines";
import { FreephoneRates, UnitPrices } from "./order-prices";
import { ProductPicker, productKey } from "./product-picker";

type Held = Extract<Awaited<ReturnType<typeof holdBlocksAction>>, { ok: true }>["data"];
type Values = z.input<typeof ZOrderQuantity>;
type Parsed = z.output<typeof ZOrderQuantity>;

const newKey = () => crypto.randomUUID();

/**
 * Choose a product (stock shown beside each) → how many numbers, shown as the blocks they become
 * (decision 0047) → availability (the blocks are held 30 minutes) → quote with its formula →
 * confirm. The idempotency key belongs to this form instance and this choice: a double click or a
 * retry of the same order is one order; changing the choice starts a new key.
 */
export function OrderNumbersForm({ options }: { options: OrderFormOptions }) {
  const router = useRouter();
  const initial =
    options.products.find((p) => p.countryCode === "DE" && p.type === "GEOGRAPHIC" && p.stock.blocks[1] > 0) ??
    options.products.find((p) => p.stock.blocks[1] > 0) ??
    options.products[0];
  const form = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(ZOrderQuantity),
    defaultValues: {
      pbxId: options.pbx.id,
      countryCode: initial?.countryCode ?? "",
      type: initial?.type ?? "GEOGRAPHIC",
      areaName: "",
      pattern: "",
      quantity: "10",
    },
  });
  const { register, setValue, formState } = form;
  const [countryCode, type, areaName, quantityText, pattern] = useWatch({
    control: form.control,
    name: ["countryCode", "type", "areaName", "quantity", "pattern"],
  });
  const [held, setHeld] = useState<Held | null>(null);
  const [error, setError] = useState<{ message: string; canRequest: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const sent = useRef(false);

  // Any change of the choice drops the hold shown and starts a new idempotency key (adjusted while
  // rendering, as React advises for state derived from a change, rather than in an effect).
  const choiceKey = JSON.stringify([countryCode, type, areaName, quantityText, pattern]);
  const [seenChoice, setSeenChoice] = useState(choiceKey);
  if (seenChoice !== choiceKey) {
    setSeenChoice(choiceKey);
    setHeld(null);
    setError(null);
    setIdempotencyKey(newKey());
  }

  if (!initial)
    return (
      <Alert variant="warning">Your price list has no number prices in force: numbers cannot be ordered yet.</Alert>
    );

  const product = options.products.find((p) => p.countryCode === countryCode && p.type === type) ?? initial;
  const area = areaName ? product.stock.areas.find((a) => a.areaName === areaName) : null;
  const stock = area?.blocks ?? product.stock.blocks;
  const namedAreas = product.stock.areas.filter((a) => a.areaName);
  const quantity = Number(quantityText);
  const plan = quantityText !== "" && !quantityProblem(quantity) ? blocksForQuantity(quantity, stock) : null;
  const requestHref = numberRequestHref({
    pbxId: options.pbx.id,
    countryName: product.countryName,
    type: product.type,
    areaName,
    quantity: plan ? quantity : null,
  });
  const requestLink = (
    <Link className="font-medium text-brand-700 underline" href={requestHref}>
      Request these numbers
    </Link>
  );

  async function checkAvailability(values: Parsed) {
    const blocks = blocksForQuantity(values.quantity, stock);
    if (!blocks?.fits) {
      form.setError("quantity", { message: blocks?.explanation ?? "Not enough numbers are free." });
      return;
    }
    setPending(true);
    setError(null);
    const { pbxId, countryCode, type, areaName, pattern } = values;
    const choice = { pbxId, countryCode, type, areaName, pattern };
    const result = await holdBlocksAction({ ...choice, blockSize: blocks.blockSize, blockCount: blocks.blockCount });
    setPending(false);
    if (!result.ok) {
      setHeld(null);
      const message = result.fieldErrors ? Object.values(result.fieldErrors).flat().join(" ") : result.error;
      setError({ message, canRequest: result.code === "CONFLICT" });
      return;
    }
    setHeld(result.data);
  }

  async function confirm() {
    const blocks = plan;
    if (!held || !blocks || sent.current) return;
    sent.current = true;
    setPending(true);
    const values = form.getValues();
    const result = await orderNumbersAction({
      pbxId: values.pbxId,
      countryCode: values.countryCode,
      type: values.type,
      areaName: values.areaName,
      pattern: values.pattern,
      blockSize: blocks.blockSize,
      blockCount: blocks.blockCount,
      holdId: held.holdId,
      idempotencyKey,
    });
    if (!result.ok) {
      setPending(false);
      sent.current = false;
      setError({ message: result.error, canRequest: result.code === "CONFLICT" });
      return;
    }
    router.push(`/numbers/orders/${result.data.orderId}`);
  }

  const noStock = product.stock.blocks[1] === 0;

  return (
    <div className="space-y-6">
      <form
        noValidate
        onSubmit={form.handleSubmit(checkAvailability)}
        className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]"
        aria-label="Choose numbers"
      >
        <ProductPicker
          products={options.products}
          value={productKey(product)}
          onChange={(key) => {
            const [code, kind] = key.split(":") as [string, Values["type"]];
            setValue("countryCode", code);
            setValue("type", kind);
            setValue("areaName", "");
          }}
        />

        <div className="min-w-0 space-y-4" data-testid="order-choice">
          <div>
            <h2 className="text-base font-semibold text-foreground">
              {product.countryName}, {NUMBER_TYPE_LABEL[product.type]}
            </h2>
            <UnitPrices product={product} currency={options.currency} />
          </div>
          {noStock ? (
            <Alert variant="warning" title="No numbers in stock">
              No {product.countryName} numbers of this type are free at the moment. {requestLink}: support adds them and
              answers on the ticket.
            </Alert>
          ) : (
            <>
              {namedAreas.length > 0 && (
                <FormField label="City or area" hint="Free numbers and whole blocks in each.">
                  {(field) => (
                    <Select {...field} {...register("areaName")}>
                      <option value="">Any area ({stockSummary(product.stock.blocks)})</option>
                      {namedAreas.map((a) => (
                        <option key={a.areaName} value={a.areaName!} disabled={a.blocks[1] === 0}>
                          {a.areaName} ({stockSummary(a.blocks)})
                        </option>
                      ))}
                    </Select>
                  )}
                </FormField>
              )}
              <FormField
                label="How many numbers"
                required
                error={formState.errors.quantity?.message}
                hint="Numbers come in blocks of 1, 10 or 100 consecutive numbers."
              >
                {(field) => (
                  <Input {...field} {...register("quantity")} inputMode="numeric" autoComplete="off" className="w-40" />
                )}
              </FormField>
              {plan && !formState.errors.quantity && (
                <p
                  role="status"
                  data-testid="quantity-blocks"
                  className={plan.fits ? "text-sm text-foreground" : "text-sm font-medium text-warning-800"}
                >
                  {plan.explanation} {!plan.fits && requestLink}
                </p>
              )}
              <FormField
                label="Number contains (optional)"
                hint="Digits, and * for any digits, e.g. 77 or 30*00."
                error={formState.errors.pattern?.message}
              >
                {(field) => (
                  <Input {...field} {...register("pattern")} inputMode="numeric" maxLength={15} className="w-40" />
                )}
              </FormField>
              <Button type="submit" variant="secondary" disabled={pending}>
                Check availability
              </Button>
            </>
          )}
        </div>
      </form>

      {error && (
        <Alert variant="danger">
          {error.message} {error.canRequest && requestLink}
        </Alert>
      )}

      {held && plan && (
        <section aria-labelledby="held-heading" className="space-y-4 rounded-card border border-border p-4">
          <h2 id="held-heading" className="text-base font-semibold text-foreground">
            Held for you until {formatDateTime(held.expiresAt)}
          </h2>
          <p className="text-sm text-muted-foreground">{plan.explanation}</p>
          <ul className="grid gap-1 text-sm sm:grid-cols-2" aria-label="Blocks held" data-testid="held-blocks">
            {held.blocks.map((b) => (
              <li key={b.firstE164} className="font-mono">
                {b.firstE164 === b.lastE164 ? b.firstE164 : `${b.firstE164} – ${b.lastE164}`}
              </li>
            ))}
          </ul>
          <div data-testid="order-quote">
            <h3 className="text-sm font-semibold text-foreground">Quote</h3>
            <ChargeLines
              lines={held.quote.lines}
              total={held.quote.total}
              totalLabel="Charged now"
              currency={held.quote.currency}
            />
            <p className="mt-1 text-xs text-muted-foreground">
              Monthly fees are prorated by days to the PBX&apos;s expiry.
            </p>
            <FreephoneRates product={product} currency={held.quote.currency} />
          </div>
          <Button type="button" onClick={confirm} disabled={pending}>
            {pending ? "Ordering…" : "Confirm order"}
          </Button>
        </section>
      )}
    </div>
  );
}
