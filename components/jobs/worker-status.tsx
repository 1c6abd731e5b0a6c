import { Alert } from "@/components/ui/alert";
import { formatDateTime } from "@/lib/format";
import type { TWorkerBeat } from "@/lib/jobs/heartbeat";

const ago = (secondsSince: number) => {
  const seconds = Math.max(0, Math.round(secondsSince));
  return seconds < 120 ? `${seconds} s ago` : `${Math.round(seconds / 60)} min ago`;
};

/** Whether a worker runs the jobs: each worker writes a heartbeat every few seconds; a stale one is not alive. */
export function WorkerStatus({ workers }: { workers: { alive: boolean; beats: TWorkerBeat[] } }) {
  const [latest] = workers.beats;
  const last = latest ? `Last heartbeat ${formatDateTime(latest.beatAt)} (${ago(latest.secondsSinceBeat)})` : null;
  return (
    <section aria-labelledby="worker-heading" className="mb-8">
      <h2 id="worker-heading" className="mb-3 text-lg font-semibold">
        Worker
      </h2>
      {workers.alive ? (
        <Alert variant="success" title="A worker is alive">
          <p>{last}.</p>
          <ul className="mt-1 text-xs">
            {workers.beats
              .filter((beat) => beat.alive)
              .map((beat) => (
                <li key={beat.id}>
                  {beat.host}, process {beat.pid}, running since {formatDateTime(beat.startedAt)}
                </li>
              ))}
          </ul>
        </Alert>
      ) : (
        <Alert variant="warning" title="No worker is alive">
          <p>
            {last
              ? `${last}.`
              : "No worker has sent a heartbeat in the last day (one stopped on purpose removes its own)."}{" "}
            Queued jobs wait until one runs (npm start with JOBS_IN_PROCESS=true, or npm run worker).
          </p>
        </Alert>
      )}
    </section>
  );
}
