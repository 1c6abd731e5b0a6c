import type { Metadata } from "next";
import { JobActions } from "@/components/jobs/job-actions";
import { JobStateBadge } from "@/components/jobs/job-state-badge";
import { WorkerStatus } from "@/components/jobs/worker-status";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PageSection, REPORT_CELL, ReportTable } from "@/components/ui/report-table";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatCount, formatDateTime, formatNumber, formatWaiting } from "@/lib/format";
import { JOB_STATES, jobsOverview, type CallBacklog } from "@/lib/jobs/admin";

export const metadata: Metadata = { title: "Background jobs" };

const STATE_LABEL = {
  created: "Waiting",
  retry: "Retrying",
  active: "Running",
  completed: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
} as const;
const QUEUE_LABEL: Record<string, string> = {
  "mail-send": "Send one e-mail",
  "mail-sweep": "Outbox sweep",
  "compliance-expiry-notices": "Expiring documents notices",
  "cdr-import": "CDR file import",
  "cdr-rate": "Call rating",
  "cdr-rerate": "Re-rating of a partner's month",
  "cdr-rerate-published": "Re-rating after a price-list version",
  "cdr-rollups": "Call statistics roll-ups",
  "cdr-seven-day-ranking": "Top numbers of the last 7 days",
  "cdr-range-ranking": "Top numbers of a chosen date range",
  "cdr-partitions": "Call table partitions",
  "cdr-day-rankings": "Top numbers of the days of new calls",
  "cdr-rankings": "Top numbers of the months after new calls",
  "cdr-retention": "Old call months dropped",
};

/** How long the oldest call batch has waited: seconds matter here, the dashboards' freshness. */
function lagOf(since: Date, now = new Date()) {
  const seconds = Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000));
  return seconds < 60 ? `${seconds} s` : formatWaiting(since, now);
}

function CallBacklogNote({ backlog }: { backlog: CallBacklog }) {
  const calls = `${formatNumber(backlog.callsWaiting)} ${backlog.callsWaiting === 1 ? "call" : "calls"} waiting to be rated`;
  return (
    <Alert variant={backlog.batches ? "info" : "success"} className="mb-6">
      <strong>Call data: </strong>
      {backlog.oldestSince
        ? `the oldest unprocessed batch has waited ${lagOf(backlog.oldestSince)} (${formatCount(backlog.batches, "batch", "batches")} queued or running, ${calls}). The dashboards lag by at least that much.`
        : `every batch of calls is processed${backlog.callsWaiting ? ` (${calls}, with no job queued: a failed rating waits in the list below)` : "; the dashboards count every call stored"}.`}
    </Alert>
  );
}

export default async function JobsPage() {
  const actor = await requirePermission("jobs.manage");
  const overview = await jobsOverview(db(), actor);
  return (
    <>
      <PageHeader
        title="Background jobs"
        description="Work the portal does on its own: sending mail, importing and rating calls, scheduled notices. Failed jobs wait here until you retry them."
      />
      <WorkerStatus workers={overview.workers} />
      {!overview.installed ? (
        <Alert variant="warning">
          The job queue is not installed yet: it is set up when the first worker starts (npm start or npm run worker).
        </Alert>
      ) : (
        <>
          <CallBacklogNote backlog={overview.backlog} />
          <PageSection id="queues-heading" title="Queues" className="mb-8">
            <ReportTable
              label="Jobs by queue and state"
              caption="Jobs by queue and state (completed jobs are kept for 7 days)"
              columns={[
                { header: "Queue" },
                { header: "Schedule (UTC)" },
                ...JOB_STATES.map((state) => ({ header: STATE_LABEL[state], align: "right" as const })),
              ]}
            >
              {overview.queues.map((queue) => (
                <tr key={queue.name}>
                  <th scope="row" className={`${REPORT_CELL} font-medium`}>
                    {QUEUE_LABEL[queue.name] ?? queue.name}
                    <span className="block text-xs font-normal text-muted-foreground">{queue.name}</span>
                  </th>
                  <td className={`${REPORT_CELL} font-mono text-xs`}>{queue.schedule ?? "—"}</td>
                  {JOB_STATES.map((state) => (
                    <td
                      key={state}
                      className={`${REPORT_CELL} text-right tabular-nums ${state === "failed" && queue.counts[state] ? "font-semibold text-danger-700" : ""}`}
                    >
                      {formatNumber(queue.counts[state])}
                    </td>
                  ))}
                </tr>
              ))}
            </ReportTable>
          </PageSection>
          <PageSection id="failures-heading" title="Failures and retries">
            {overview.jobs.length === 0 ? (
              <EmptyState
                title="Nothing has failed"
                description="Jobs that fail show here with their error, while they wait for a retry or after they gave up."
              />
            ) : (
              <ul className="space-y-3">
                {overview.jobs.map((job) => (
                  <li key={job.id} className="rounded-card border border-neutral-200 bg-surface p-4">
                    <div className="flex flex-wrap items-start justify-between gap-3">
                      <div className="min-w-0 space-y-1">
                        <p className="flex flex-wrap items-center gap-2 font-medium">
                          {QUEUE_LABEL[job.queue] ?? job.queue} <JobStateBadge state={job.state} />
                        </p>
                        <p className="text-sm text-muted-foreground">
                          Job {job.id.slice(0, 8)} · created {formatDateTime(job.createdOn)} · {job.retryCount} of{" "}
                          {job.retryLimit} retries used
                          {job.state === "retry"
                            ? ` · next try ${formatDateTime(job.startAfter)}`
                            : job.completedOn
                              ? ` · gave up ${formatDateTime(job.completedOn)}`
                              : ""}
                        </p>
                        {job.error && <p className="break-words font-mono text-xs text-danger-700">{job.error}</p>}
                      </div>
                      <JobActions queue={job.queue} jobId={job.id} state={job.state} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </PageSection>
        </>
      )}
    </>
  );
}
