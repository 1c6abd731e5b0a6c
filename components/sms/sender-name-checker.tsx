"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { StateInput } from "@/components/ui/state-input";
import { checkSenderName, SENDER_NAME_MAX_SYMBOLS, type SymbolReason } from "@/lib/sms/sender-name";

const REASON: Record<SymbolReason, string> = {
  kept: "Kept",
  lowercased: "Capital made small",
  nearest_letter: "Replaced by the nearest letter",
  question_mark: "Not supported: replaced by ?",
  cut: `Cut: past ${SENDER_NAME_MAX_SYMBOLS} symbols`,
};

// A space would be invisible in the table: show it by name.
const shown = (symbol: string) => (symbol === " " ? "space" : symbol);

/** R15, live: what the network sends for the name typed, symbol by symbol. */
export function SenderNameChecker({ initialName = "" }: { initialName?: string }) {
  const [name, setName] = useState(initialName);
  const check = checkSenderName(name);
  const resultId = useId();
  return (
    <div className="space-y-5">
      <FormField
        label="Sender name"
        hint={`At most ${SENDER_NAME_MAX_SYMBOLS} symbols; others are converted as shown below.`}
      >
        {(field) => (
          <StateInput
            {...field}
            value={name}
            onValueChange={setName}
            autoComplete="off"
            spellCheck={false}
            className="max-w-md"
            aria-controls={resultId}
          />
        )}
      </FormField>
      <section id={resultId} aria-live="polite" aria-label="What will be sent" className="space-y-4">
        <p className="text-sm text-foreground">
          Will be sent as:{" "}
          <output
            className="rounded-sm bg-neutral-100 px-2 py-1 font-mono text-lg font-semibold"
            data-testid="sent-name"
          >
            {check.sent || "—"}
          </output>
        </p>
        {check.isCut && (
          <Alert variant="warning" title="The name is too long">
            Only the first {SENDER_NAME_MAX_SYMBOLS} symbols are sent; the rest is cut.
          </Alert>
        )}
        {!check.isUnchanged && !check.isCut && name && (
          <Alert variant="info">Some symbols are not supported and are converted.</Alert>
        )}
      </section>
      {check.symbols.length > 0 && (
        <div className="overflow-x-auto" role="region" aria-label="Symbol by symbol" tabIndex={0}>
          <table className="w-full min-w-[20rem] text-left text-sm">
            <caption className="sr-only">Each symbol typed and what is sent for it</caption>
            <thead className="border-b border-border text-muted-foreground">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  #
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Typed
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Sent
                </th>
                <th scope="col" className="py-2 font-medium">
                  Why
                </th>
              </tr>
            </thead>
            <tbody>
              {check.symbols.map((symbol, index) => (
                <tr key={index} className="border-b border-border last:border-0">
                  <td className="py-2 pr-4 tabular-nums text-muted-foreground">{index + 1}</td>
                  <td className="py-2 pr-4 font-mono">{shown(symbol.input)}</td>
                  <td className="py-2 pr-4 font-mono">
                    {symbol.output === null ? (
                      <span className="text-muted-foreground">nothing</span>
                    ) : (
                      shown(symbol.output)
                    )}
                  </td>
                  <td
                    className={`py-2 ${symbol.reason === "kept" ? "text-muted-foreground" : "font-medium text-foreground"}`}
                  >
                    {REASON[symbol.reason]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
