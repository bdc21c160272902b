/** The corpus report as a table per filing and one summary line (the last line, for tools that read only it). */
import type { CorpusReport, CorpusSummary, FilingResult } from './run-corpus.js';

export function formatCorpusReport(report: CorpusReport): string {
  const width = Math.max(...report.filings.map((f) => f.file.length), 4);
  const lines = [`${'file'.padEnd(width)}  ${'status'.padEnd(8)}  persons  figures  expected`];
  for (const f of report.filings) lines.push(...filingLines(f, width));
  lines.push('', `truth: ${report.truthFiles.join(', ') || 'none'}`, summaryLine(report.summary));
  return lines.join('\n');
}

function filingLines(f: FilingResult, width: number): string[] {
  const persons = f.score ? `${f.score.personsFound}/${f.score.personsExpected}` : '-';
  const figures = f.score ? `${f.score.figuresRight}/${f.score.figuresTotal}` : '-';
  const head = `${f.file.padEnd(width)}  ${f.status.padEnd(8)}  ${persons.padEnd(7)}  ${figures.padEnd(7)}  ${f.expected ?? 'unlabelled'}${f.doubtful > 0 ? `  (${f.doubtful} figures read with doubt)` : ''}`;
  const detail = [
    ...(f.reason ? [`    ${f.reason}`] : []),
    ...(f.score?.wrong ?? [])
      .filter((w) => w.shown !== 'person not found' || f.status === 'accepted')
      .map((w) => `    ${w.person}: ${w.figure} expected ${String(w.expected)}, shown ${String(w.shown)}`),
  ];
  return [head, ...detail];
}

export function summaryLine(s: CorpusSummary): string {
  const percent = s.figuresTotal === 0 ? 'n/a' : `${((100 * s.figuresRight) / s.figuresTotal).toFixed(1)}%`;
  return [
    `corpus: ${s.accepted} of ${s.files} filings accepted (${s.expectedAcceptedLoaded} of ${s.expectedAccepted} expected to load`,
    `${s.unlabelledAccepted} of ${s.unlabelled} unlabelled);`,
    `person-figures right ${s.figuresRight} of ${s.figuresTotal} (${percent}); persons found ${s.personsFound} of ${s.personsExpected}; crashes ${s.crashed}`,
  ]
    .join(', ')
    .replace(', person', ' person');
}
