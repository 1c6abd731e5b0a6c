import { formatDate } from "@/lib/format";
import type { ServiceTerm } from "@/lib/pbx/term-ends";
import { CancelServiceButton, WithdrawCancellationButton } from "./service-term-actions";

/**
 * When CLASSOUND on this PBX ends (R3), and what a partner may do about it: cancel from the term's
 * end, or withdraw that. Once ended, how long the numbers stay before they go to quarantine.
 */
export function ServiceTermStatus({
  pbxId,
  term,
  canManage,
}: {
  pbxId: string;
  term: ServiceTerm;
  canManage: boolean;
}) {
  if (term.state === "ENDED") {
    const ended = formatDate(term.endedAt);
    return (
      <p className="text-sm" data-testid="service-term">
        <span className="font-medium">
          {term.status === "CANCELLED" ? `Ended on ${ended} (cancelled)` : `Expired on ${ended}`}
        </span>
        ;{" "}
        {term.numbersQuarantinedAt
          ? `its numbers went to quarantine on ${formatDate(term.numbersQuarantinedAt)}.`
          : `numbers kept until ${formatDate(term.numbersKeptUntil)}, then quarantined.`}
      </p>
    );
  }
  const endsOn = formatDate(term.endsAt);
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm" data-testid="service-term">
      <p>
        {term.cancelled ? (
          <>
            Ends on {endsOn} <span className="font-medium">(cancelled)</span>. Nothing is refunded.
          </>
        ) : (
          <>Ends on {endsOn}, with the PBX&apos;s term, unless the PBX is renewed.</>
        )}
      </p>
      {canManage &&
        (term.cancelled ? (
          <WithdrawCancellationButton pbxId={pbxId} />
        ) : (
          <CancelServiceButton pbxId={pbxId} endsOn={endsOn} />
        ))}
    </div>
  );
}
