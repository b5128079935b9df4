import type { Reporter, RunnerTask, RunnerTestFile } from "vitest";

/** Prints "N passed, N failed, N skipped" as the last line, the plain form CI reads. */
export default class SummaryReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = []): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const visit = (task: RunnerTask) => {
      if (task.type === "suite") {
        for (const child of task.tasks) visit(child);
        return;
      }
      if (task.result?.state === "pass") counts.passed += 1;
      else if (task.result?.state === "fail") counts.failed += 1;
      else counts.skipped += 1;
    };
    for (const file of files) {
      for (const task of file.tasks) visit(task);
      // A file that failed to load has no tests but must still count as a failure.
      if (file.result?.state === "fail" && file.tasks.length === 0) counts.failed += 1;
    }
    console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
