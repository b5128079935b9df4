/**
 * A running job's progress bar. The page reloads itself every second while the job runs
 * (a plain <meta http-equiv="refresh">: no JavaScript needed), then shows the outcome.
 */
export function JobProgress({
  id,
  label,
  progress,
}: {
  id: string;
  /** What runs, who started it: "Backup in corso, avviato da …". */
  label: string;
  /** 0..1 */
  progress: number;
}) {
  const percent = Math.round(progress * 100);
  return (
    <div role="status">
      <meta httpEquiv="refresh" content="1" />
      <p>
        <label htmlFor={id}>
          {label} ({percent}%). Il sito resta utilizzabile nel frattempo.
        </label>
      </p>
      <progress id={id} max={1} value={progress}>
        {percent}%
      </progress>
    </div>
  );
}
