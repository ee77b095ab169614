/** Something in the input that was skipped, and where. */
export interface Problem {
  readonly kind: "malformed" | "unreadable";
  readonly file: string;
  /** 1-based; absent when the whole file is concerned. */
  readonly line?: number;
  readonly reason: string;
}

/** What was skipped during a read; details are kept for the first few. */
export interface ProblemReport {
  readonly malformed_lines: number;
  readonly unreadable_files: number;
  /** Lines with usage but no response id: they cannot be counted once. */
  readonly unkeyed_lines: number;
  readonly details: readonly Problem[];
}

export const MAX_PROBLEM_DETAILS = 1000;

/** Collects problems; counts everything, keeps details up to a cap. */
export class ProblemLog {
  malformed = 0;
  unreadable = 0;
  unkeyed = 0;
  readonly details: Problem[] = [];

  add(problem: Problem): void {
    if (problem.kind === "malformed") this.malformed += 1;
    else this.unreadable += 1;
    if (this.details.length < MAX_PROBLEM_DETAILS) this.details.push(problem);
  }

  merge(report: ProblemReport): void {
    this.malformed += report.malformed_lines;
    this.unreadable += report.unreadable_files;
    this.unkeyed += report.unkeyed_lines;
    const room = MAX_PROBLEM_DETAILS - this.details.length;
    this.details.push(...report.details.slice(0, Math.max(0, room)));
  }

  report(): ProblemReport {
    return {
      malformed_lines: this.malformed,
      unreadable_files: this.unreadable,
      unkeyed_lines: this.unkeyed,
      details: [...this.details],
    };
  }
}

/** `file:line`, the way `--verbose` lists a problem. */
export function describeProblem(problem: Problem): string {
  const where =
    problem.line === undefined
      ? problem.file
      : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.reason}`;
}
