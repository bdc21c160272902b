/** group, history, statement, reconcile, correct, retract: parse, call src/ledger, print. */
import type { Command } from 'commander';
import { runLedgerCommand, parseAssignment } from '../../ledger/corrections.js';
import { queryGroup, queryHistory, queryReconciliation, queryStatement } from '../../ledger/queries.js';
import { storeFlag } from '../program.js';
import { formatCount, formatTable, toJson } from '../output.js';
import { withStore } from '../with-store.js';

const out = (text: string) => process.stdout.write(`${text}\n`);
type Json = { json?: boolean };

export function registerLedgerQueryCommands(program: Command): void {
  program
    .command('group')
    .description('group members (Rule 13d-5) at a date')
    .requiredOption('--issuer <cusip>', 'issuer CUSIP')
    .requiredOption('--as-of <date>', 'YYYY-MM-DD')
    .option('--filed-by <date>', 'only facts disclosed by this filing date')
    .option('--recorded-by <instant>', 'only events recorded by this instant')
    .option('--json', 'print JSON')
    .action(async (o: { issuer: string; asOf: string; filedBy?: string; recordedBy?: string } & Json, command: Command) => {
      const view = await withStore(storeFlag(command), (store) => queryGroup(store, o));
      if (o.json) {
        out(toJson(view));
        return;
      }
      out(`Group members of ${view.issuer.name ?? view.issuer.cusip} as of ${view.asOf}`);
      out(view.members.length === 0 ? '(none known)' : formatTable(view.members, [
        { header: 'Person', value: (m) => m.name },
        { header: 'Id', value: (m) => m.personId },
        { header: 'Since', value: (m) => (m.sincePrecision === 'on-or-before' ? `on or before ${m.since}` : m.since) },
      ]));
    });

  program
    .command('history')
    .description('each change to each position of one holder, dated, with its source')
    .requiredOption('--issuer <cusip>', 'issuer CUSIP')
    .requiredOption('--person <id>', 'person id, e.g. ault-and-company')
    .option('--as-of <date>', 'stop at this effective date')
    .option('--filed-by <date>', 'only facts disclosed by this filing date')
    .option('--recorded-by <instant>', 'only events recorded by this instant')
    .option('--share-basis <basis>', 'as-reported (each change in the share count of its date) or adjusted (restated to the latest split known)', 'as-reported')
    .option('--json', 'print JSON')
    .action(async (o: { issuer: string; person: string; asOf?: string; filedBy?: string; recordedBy?: string; shareBasis?: string } & Json, command: Command) => {
      const view = await withStore(storeFlag(command), (store) => queryHistory(store, o));
      if (o.json) {
        out(toJson(view));
        return;
      }
      const rows = [...view.changes, ...view.throughControlledEntities];
      out(`History of ${view.name} (${view.personId}); ${view.shareBasisNote}`);
      out(rows.length === 0 ? '(no changes recorded)' : formatTable(rows, [
        { header: 'Date', value: (e) => (e.precision === 'on-or-before' ? `<=${e.date}` : e.date) },
        { header: 'Holder', value: (e) => e.personId },
        { header: 'Security', value: (e) => e.title },
        { header: 'Change', value: (e) => (e.change > 0 ? '+' : '') + formatCount(e.change), align: 'right' },
        { header: 'After', value: (e) => formatCount(e.quantityAfter), align: 'right' },
        { header: 'Price', value: (e) => (e.pricePerShare === null ? '' : `$${e.pricePerShare}`), align: 'right' },
        { header: 'Kind', value: (e) => e.kind },
        { header: 'Source', value: (e) => `A${e.source.amendmentNumber} Item ${e.source.item}` },
        { header: 'Note', value: (e) => e.note ?? '' },
      ]));
    });

  program
    .command('statement')
    .description('the Schedule 13D as of a date: the original folded with every amendment filed by then')
    .requiredOption('--issuer <cusip>', 'issuer CUSIP')
    .requiredOption('--as-of <date>', 'YYYY-MM-DD')
    .option('--recorded-by <instant>', 'only events recorded by this instant')
    .option('--json', 'print JSON')
    .action(async (o: { issuer: string; asOf: string; recordedBy?: string } & Json, command: Command) => {
      const view = await withStore(storeFlag(command), (store) => queryStatement(store, o));
      if (o.json) {
        out(toJson(view));
        return;
      }
      out(`Schedule 13D, ${view.issuer.name ?? ''} (${view.issuer.cusip}), ${view.classTitle ?? ''}, as of ${view.asOf}`);
      out(formatTable(view.filings, [
        { header: 'Filing', value: (f) => f.label },
        { header: 'Filed', value: (f) => f.filedOn },
        { header: 'Event date', value: (f) => f.eventDate ?? '' },
        { header: 'Items changed', value: (f) => (f.contentsKnown ? f.itemsChanged.join(', ') : 'contents unknown') },
      ]));
      out('');
      out(formatTable(view.items, [
        { header: 'Item', value: (i) => i.item },
        { header: 'Last changed by', value: (i) => (i.lastChangedBy ? `${i.lastChangedBy} (${i.change})` : 'no known change') },
        { header: 'Unknown filings since', value: (i) => i.possiblyChangedByUnknownFilings.length.toString() },
        { header: 'Summary', value: (i) => i.summary ?? '' },
      ]));
    });

  program
    .command('reconcile')
    .description("each filing's figures against its own transactions, Item 5 and arithmetic")
    .requiredOption('--issuer <cusip>', 'issuer CUSIP')
    .option('--recorded-by <instant>', 'only events recorded by this instant')
    .option('--json', 'print JSON')
    .action(async (o: { issuer: string; recordedBy?: string } & Json, command: Command) => {
      const view = await withStore(storeFlag(command), (store) => queryReconciliation(store, o));
      if (o.json) {
        out(toJson(view));
        return;
      }
      out(`${view.findings.length} findings, ${view.consistent.length} checks consistent, ${view.notChecked.length} filings not checked`);
      for (const f of view.findings) out(`- [${f.filing}] ${f.kind}: ${f.message}`);
    });

  program
    .command('correct')
    .description('correct fields of an earlier event (the original stays; the correction applies from now on)')
    .requiredOption('--event <id>', 'id of the event to correct')
    .requiredOption('--set <field=value...>', 'field=value, dotted paths into the event data; repeatable')
    .requiredOption('--reason <text>', 'why')
    .option('--json', 'print JSON')
    .action(async (o: { event: string; set: string[]; reason: string } & Json, command: Command) => {
      const set = Object.fromEntries(o.set.map(parseAssignment));
      const result = await withStore(storeFlag(command), (store) => runLedgerCommand(store, { kind: 'CorrectEvent', eventId: o.event, set, reason: o.reason }));
      out(o.json ? toJson(result) : `corrected ${result.eventId} in ${result.stream} (correction ${result.appended[0]!.id})`);
    });

  program
    .command('retract')
    .description('retract an earlier event (the original stays; it no longer applies from now on)')
    .requiredOption('--event <id>', 'id of the event to retract')
    .requiredOption('--reason <text>', 'why')
    .option('--json', 'print JSON')
    .action(async (o: { event: string; reason: string } & Json, command: Command) => {
      const result = await withStore(storeFlag(command), (store) => runLedgerCommand(store, { kind: 'RetractEvent', eventId: o.event, reason: o.reason }));
      out(o.json ? toJson(result) : `retracted ${result.eventId} in ${result.stream} (retraction ${result.appended[0]!.id})`);
    });
}
