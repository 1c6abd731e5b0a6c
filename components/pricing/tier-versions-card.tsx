import Link from "next/link";
import { Badge, buttonClassName, Card, CardContent, CardHeader, CardTitle, EmptyState } from "@/components/ui";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import { formatDate } from "@/lib/format";
import { DRAFT_STATUS } from "@/lib/pricing/documents/sections";
import type { TierVersions } from "@/lib/pricing/versions";
import { PublishDraftButton } from "./publish-draft-button";

const STATUS = {
  "in force": { variant: "success", label: "In force" },
  upcoming: { variant: "info", label: "Upcoming" },
  past: { variant: "neutral", label: "Past" },
} as const;

const LINK = "font-medium text-brand-700 underline-offset-2 hover:underline";

/** The Excel and PDF of one version, through the same document writer partners download from. */
function Downloads({ tierCode, version }: { tierCode: string; version: { id: string; name: string } }) {
  return (
    <>
      <a
        href={`/api/price-lists/${tierCode}/xlsx?version=${version.id}`}
        download
        className={LINK}
        aria-label={`Export ${version.name} to Excel`}
      >
        Excel
      </a>
      <span aria-hidden className="px-1 text-neutral-400">
        ·
      </span>
      <a
        href={`/api/price-lists/${tierCode}/pdf?version=${version.id}`}
        download
        className={LINK}
        aria-label={`Download ${version.name} as PDF`}
      >
        PDF
      </a>
    </>
  );
}

type Version = TierVersions["versions"][number];

/** A draft (docs/decisions/0057): reviewed, then published or replaced by an imported workbook. */
function Draft({ tier, draft }: { tier: TierVersions; draft: Version & { onPublishing: string } }) {
  return (
    <div className="space-y-3 rounded-card border border-dashed border-warning-200 bg-warning-50 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <Badge variant="warning">Draft</Badge>
        <p className="font-medium">{draft.name}</p>
      </div>
      <p className="text-sm">
        {DRAFT_STATUS}. Dated {formatDate(draft.validFrom)}.
      </p>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <span>
          Review: <Downloads tierCode={tier.code} version={draft} />
        </span>
        <PublishDraftButton
          draft={{ id: draft.id, name: draft.name, tierName: tier.name, onPublishing: draft.onPublishing }}
        />
        <Link href={`/admin/price-lists?tier=${tier.code}#import`} className={buttonClassName("secondary", "sm")}>
          Replace by import
        </Link>
      </div>
    </div>
  );
}

/** One tier on the admins' price-list page: its drafts, then its published versions. */
export function TierVersionsCard({ tier }: { tier: TierVersions }) {
  const drafts = tier.versions.flatMap((v) =>
    v.onPublishing === null ? [] : [{ ...v, onPublishing: v.onPublishing }],
  );
  const published = tier.versions.filter((v) => v.status !== "draft");
  return (
    <Card aria-labelledby={`tier-${tier.code}`}>
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle id={`tier-${tier.code}`}>{tier.name}</CardTitle>
          {!tier.hasVersionInForce && tier.versions.length > 0 && (
            <Badge variant="warning">No price list in force</Badge>
          )}
        </div>
        {published.length > 1 && (
          <Link href={`/price-list/changes?tier=${tier.code}`} className={`text-sm ${LINK}`}>
            What changed
          </Link>
        )}
      </CardHeader>
      {drafts.length > 0 && (
        <CardContent className="space-y-3">
          {drafts.map((draft) => (
            <Draft key={draft.id} tier={tier} draft={draft} />
          ))}
        </CardContent>
      )}
      {published.length === 0 ? (
        drafts.length > 0 ? (
          <EmptyState
            title="Nothing published yet"
            description="Partners on this tier see no prices, and no quote, activation or call can be priced, until a draft is published or replaced by an import."
          />
        ) : (
          <EmptyState title="No version yet" description="This tier has no price list." />
        )
      ) : (
        <CardContent>
          <TableScrollRegion label={`${tier.name} versions`}>
            <table className="w-full text-sm">
              <thead className="bg-neutral-50 text-left text-xs font-semibold text-neutral-700 uppercase">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Version
                  </th>
                  <th scope="col" className="px-3 py-2">
                    In force from
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Published
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Downloads</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-200">
                {published.map((v) => (
                  <tr key={v.id}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      {v.name}
                    </th>
                    <td className="px-3 py-2 whitespace-nowrap">{formatDate(v.validFrom)}</td>
                    <td className="px-3 py-2">
                      {v.status !== "draft" && (
                        <Badge variant={STATUS[v.status].variant}>{STATUS[v.status].label}</Badge>
                      )}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">{formatDate(v.publishedAt)}</td>
                    <td className="px-3 py-2 text-right whitespace-nowrap">
                      <Downloads tierCode={tier.code} version={v} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScrollRegion>
        </CardContent>
      )}
    </Card>
  );
}
