/** diff: what changed between two amendments, as JSON or readable text. */
import type { Command } from 'commander';
import { queryDiff } from '../../ledger/diff-query.js';
import { storeFlag } from '../program.js';
import { formatCount, formatTable, toJson } from '../output.js';
import { withStore } from '../with-store.js';
import { formatPercent } from './ledger-format.js';

const out = (text: string): void => void process.stdout.write(`${text}\n`);
const FIGURE_ROWS = ['7', '8', '9', '10', '11', '13'];
function show(value: unknown): string {
  const text = value === null || value === undefined ? 'unknown' : typeof value === 'number' ? formatCount(value) : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function registerDiffCommand(program: Command): void {
  program
    .command('diff')
    .description('what changed between two filings: items restated, cover pages, holdings at each event date')
    .requiredOption('--issuer <cusip>', 'issuer CUSIP')
    .requiredOption('--from <n>', 'earlier filing: amendment number, 0 for the original')
    .requiredOption('--to <n>', 'later filing: amendment number')
    .option('--filed-by <date>', 'only facts disclosed by this filing date')
    .option('--recorded-by <instant>', 'only events recorded by this instant')
    .option('--share-basis <basis>', 'as-reported or adjusted (restated to the latest split known)', 'as-reported')
    .option('--json', 'print JSON')
    .action(async (o: { issuer: string; from: string; to: string; filedBy?: string; recordedBy?: string; shareBasis?: string; json?: boolean }, command: Command) => {
      const diff = await withStore(storeFlag(command), (store) => queryDiff(store, o));
      if (o.json) return out(toJson(diff));
      const side = (f: typeof diff.from) => `${f.label} (filed ${f.filedOn}${f.contentsKnown ? '' : ', contents unknown'})`;
      out(`${diff.issuer.name ?? diff.issuer.cusip} (${diff.issuer.cusip}): ${side(diff.from)} -> ${side(diff.to)}; ${diff.shareBasisNote}`);
      out('');
      out('Items restated or amended:');
      for (const f of diff.itemsRestated) out(`- ${f.label}: ${f.contentsKnown ? f.items.map((i) => `Item ${i.item} (${i.change})`).join(', ') || 'none' : 'contents unknown'}`);
      out('');
      out('Cover pages:');
      const rows = diff.coverChanges.flatMap((c) => (c.fields.length === 0 ? [{ name: c.name, change: c.change, row: '', before: '', after: '' }] : c.fields.filter((f) => c.change !== 'before-unknown' || FIGURE_ROWS.includes(f.row ?? '')).map((f) => ({ name: c.name, change: c.change, row: f.row ?? '', before: show(f.before), after: show(f.after) }))));
      out(rows.length === 0 ? '(no changes)' : formatTable(rows, [
        { header: 'Person', value: (r) => r.name },
        { header: 'Change', value: (r) => r.change },
        { header: 'Row', value: (r) => r.row },
        { header: 'Before', value: (r) => r.before },
        { header: 'After', value: (r) => r.after },
      ]));
      out('');
      out(`Holdings on ${diff.from.holdingsAsOf} and ${diff.to.holdingsAsOf}:`);
      const fig = (f: (typeof diff.holdingChanges)[number]['before']) => (f === null ? 'none known' : `${formatCount(f.aggregate)} (${formatPercent(f.percentOfClass)}; ${f.basis})`);
      out(formatTable(diff.holdingChanges, [
        { header: 'Person', value: (h) => h.name },
        { header: 'Before', value: (h) => fig(h.before) },
        { header: 'After', value: (h) => fig(h.after) },
        { header: 'Changed', value: (h) => h.changes.map((c) => c.field).join(', ') || 'nothing' },
      ]));
      if (diff.notes.length > 0) out(['', 'Notes:', ...diff.notes.map((n) => `- ${n}`)].join('\n'));
    });
}
