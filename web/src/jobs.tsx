/** Polls a background job until it ends; the progress shows meanwhile. */
import { useEffect, useState } from "react";
import { api, isFinished, type Job } from "./api.ts";

const POLL_MILLIS = 400;

export function useJob<T extends Job = Job>(
  id: string | null,
  fetchJob: (id: string) => Promise<T> = api.job as (id: string) => Promise<T>,
): T | null {
  const [job, setJob] = useState<T | null>(null);
  useEffect(() => {
    if (!id) return setJob(null);
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async (): Promise<void> => {
      const next = await fetchJob(id).catch(() => null);
      if (!live) return;
      if (next) setJob(next);
      if (!next || !isFinished(next)) timer = setTimeout(() => void tick(), POLL_MILLIS);
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id]);
  return job;
}

export function JobProgress({ job }: { job: Job }) {
  const { done, total, unit } = job.progress;
  return (
    <p className="job" aria-live="polite">
      <progress
        max={total ?? undefined}
        value={total ? Math.min(done, total) : undefined}
        aria-label={`${job.kind} progress`}
      />{" "}
      {job.status === "queued" && "waiting for a worker"}
      {job.status === "running" &&
        (total ? `${Math.round((100 * done) / total)}%` : `${done} ${unit}`)}
      {job.status === "done" && "done"}
      {job.status === "failed" && <span className="error">{job.error}</span>}
    </p>
  );
}
