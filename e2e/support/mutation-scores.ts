/**
 * Per-file mutation scores from Stryker's JSON report (mutation-testing-report-schema): killed and timed-out
 * mutants over every valid one (survived and uncovered count against the file; ignored, compile and runtime
 * errors do not count), as Stryker's own per-file "% score" column.
 */
export const MIN_SCORE = 95;

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

export function fileScores(report: Report): Map<string, number> {
  const out = new Map<string, number>();
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
    const valid = detected + mutants.filter((m) => UNDETECTED.has(m.status)).length;
    out.set(file.replaceAll('\\', '/'), valid === 0 ? 100 : (100 * detected) / valid);
  }
  return out;
}
