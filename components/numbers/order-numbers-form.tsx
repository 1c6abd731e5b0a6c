"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { holdBlocksAction, orderNumbersAction } from "@/app/(portal)/numbers/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { formatDateTime } from "@/lib/format";
import { BLOCK_SIZES, NUMBER_TYPE_LABEL } from "@/lib/numbers/blocks";
import type { OrderFormOptions } from "@/lib/numbers/context";
import { ChargeLines } from "./charge-lines";

type Held = Extract<Awaited<ReturnType<typeof holdBlocksAction>>, { ok: true }>["data"];

const fieldClass = "flex w-full flex-col gap-1 text-sm font-medium text-foreground sm:w-56";
const newKey = () => crypto.randomUUID();

/**
 * Choose → availability (the blocks are held 30 minutes) → quote with its formula → confirm. The
 * idempotency key belongs to this form instance and this choice: a double click or a retry of the
 * same order is one order; changing the choice starts a new key.
 */
export function OrderNumbersForm({ options }: { options: OrderFormOptions }) {
  const router = useRouter();
  const [product, setProduct] = useState(
    options.products.findIndex((p) => p.countryCode === "DE" && p.type === "GEOGRAPHIC") >= 0
      ? `DE:GEOGRAPHIC`
      : options.products[0]
        ? `${options.products[0].countryCode}:${options.products[0].type}`
        : "",
  );
  const [areaName, setAreaName] = useState("");
  const [pattern, setPattern] = useState("");
  const [blockSize, setBlockSize] = useState<(typeof BLOCK_SIZES)[number]>(10);
  const [blockCount, setBlockCount] = useState("1");
  const [held, setHeld] = useState<Held | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const sent = useRef(false);
  const [countryCode, type] = product.split(":") as [string, "GEOGRAPHIC" | "MOBILE" | "FREEPHONE"];
  const areas = options.products.find((p) => p.countryCode === countryCode && p.type === type)?.areas ?? [];
  const choice = {
    pbxId: options.pbx.id,
    countryCode,
    type,
    areaName: areaName || undefined,
    pattern: pattern || undefined,
    blockSize,
    blockCount: Number(blockCount),
  };

  const changed =
    <T,>(set: (v: T) => void) =>
    (value: T) => {
      set(value);
      setHeld(null);
      setError(null);
      setIdempotencyKey(newKey());
      sent.current = false;
    };

  async function checkAvailability(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await holdBlocksAction(choice);
    setPending(false);
    if (!result.ok) {
      setHeld(null);
      setError(result.fieldErrors ? Object.values(result.fieldErrors).flat().join(" ") : result.error);
      return;
    }
    setHeld(result.data);
  }

  async function confirm() {
    if (!held || sent.current) return;
    sent.current = true;
    setPending(true);
    const result = await orderNumbersAction({ ...choice, holdId: held.holdId, idempotencyKey });
    if (!result.ok) {
      setPending(false);
      sent.current = false;
      setError(result.error);
      return;
    }
    router.push(`/numbers/orders/${result.data.orderId}`);
  }

  if (options.products.length === 0)
    return (
      <Alert variant="warning">Your price list has no number prices in force: numbers cannot be ordered yet.</Alert>
    );

  return (
    <div className="space-y-6">
      <form onSubmit={checkAvailability} className="flex flex-wrap items-end gap-3" aria-label="Choose numbers">
        <label className={fieldClass}>
          Country and type
          <Select value={product} onChange={(e) => changed(setProduct)(e.target.value)} required>
            {options.products.map((p) => (
              <option key={`${p.countryCode}:${p.type}`} value={`${p.countryCode}:${p.type}`}>
                {p.countryName}, {NUMBER_TYPE_LABEL[p.type]}
              </option>
            ))}
          </Select>
        </label>
        <label className={fieldClass}>
          City or area
          <Select value={areaName} onChange={(e) => changed(setAreaName)(e.target.value)}>
            <option value="">Any</option>
            {areas.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </label>
        <label className={fieldClass}>
          Block size
          <Select
            value={String(blockSize)}
            onChange={(e) => changed(setBlockSize)(Number(e.target.value) as (typeof BLOCK_SIZES)[number])}
          >
            {BLOCK_SIZES.map((s) => (
              <option key={s} value={s}>
                {s === 1 ? "Single numbers" : `Blocks of ${s}`}
              </option>
            ))}
          </Select>
        </label>
        <label className={fieldClass}>
          Number of blocks
          <Input
            type="number"
            min={1}
            max={100}
            value={blockCount}
            onChange={(e) => changed(setBlockCount)(e.target.value)}
            required
          />
        </label>
        <label className={fieldClass}>
          Number contains (optional)
          <Input
            value={pattern}
            onChange={(e) => changed(setPattern)(e.target.value)}
            inputMode="numeric"
            placeholder="e.g. 77 or 30*00"
            maxLength={15}
          />
        </label>
        <Button type="submit" variant="secondary" disabled={pending}>
          Check availability
        </Button>
      </form>

      {error && <Alert variant="danger">{error}</Alert>}

      {held && (
        <section aria-labelledby="held-heading" className="space-y-4 rounded-card border border-border p-4">
          <h2 id="held-heading" className="text-base font-semibold text-foreground">
            Held for you until {formatDateTime(held.expiresAt)}
          </h2>
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
          </div>
          <Button type="button" onClick={confirm} disabled={pending}>
            {pending ? "Ordering…" : "Confirm order"}
          </Button>
        </section>
      )}
    </div>
  );
}
