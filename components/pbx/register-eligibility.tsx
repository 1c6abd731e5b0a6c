"use client";

import { useWatch, type Control } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import {
  INELIGIBILITY_MESSAGE,
  ineligibilityReasons,
  MINIMUM_PBX_VERSION,
  type IneligibilityReason,
} from "@/lib/activations/eligibility";
import { dayInstant, LICENCE_LEVELS, LICENSINGS, type TRegisterPbxInput } from "@/lib/pbx/schemas";

const count = (value: unknown) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 0;
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * R1 as the partner types: whether CLASSOUND could be activated on the PBX being registered, from
 * `ineligibilityReasons`, the very function an activation and its approval run. A PBX that cannot
 * have CLASSOUND can still be registered; this only says so before it is.
 */
export function RegisterEligibility({ control }: { control: Control<TRegisterPbxInput> }) {
  const values = useWatch({ control });
  const plan = values.licensePlan ?? "YEARLY";
  const termEnd = typeof values.termEnd === "string" && DAY.test(values.termEnd) ? values.termEnd : "";
  const version = values.softwareVersion?.trim() ?? "";
  // A field not filled in yet is no reason: it is named as still to fill.
  const pending: [boolean, string, IneligibilityReason][] = [
    [!version, "the software version", "SOFTWARE_VERSION_UNREADABLE"],
    [plan !== "LIFETIME" && !termEnd, "the term end", "TERM_EXPIRED"],
  ];
  const reasons = ineligibilityReasons({
    licensePlan: plan,
    licensing: (LICENSINGS as readonly string[]).includes(values.licensing ?? "") ? values.licensing! : "PER_USER",
    softwareVersion: version,
    termExpiry: termEnd ? dayInstant(termEnd) : null,
    userLicenses: LICENCE_LEVELS.reduce((sum, level) => sum + count(values[level]), 0),
    hasActiveService: false,
    hasOpenRequest: false,
  }).filter((reason) => !pending.some(([missing, , skipped]) => missing && skipped === reason));
  const toFill = pending.filter(([missing]) => missing).map(([, name]) => name);
  return (
    <section aria-labelledby="register-eligibility" aria-live="polite">
      <h2 id="register-eligibility" className="sr-only">
        CLASSOUND eligibility
      </h2>
      {reasons.length ? (
        <Alert variant="warning" title="CLASSOUND could not be activated on this PBX">
          <p>You can still register it. To activate CLASSOUND on it later:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {reasons.map((reason) => (
              <li key={reason}>{INELIGIBILITY_MESSAGE[reason]}</li>
            ))}
          </ul>
        </Alert>
      ) : toFill.length ? (
        <Alert variant="info" title="CLASSOUND eligibility">
          Nothing stands in the way so far. Fill in {toFill.join(" and ")} to be sure.
        </Alert>
      ) : (
        <Alert variant="success" title="CLASSOUND can be activated on this PBX">
          Per-user licensing, a plan that renews, software {MINIMUM_PBX_VERSION} or later and at least one user.
        </Alert>
      )}
    </section>
  );
}
