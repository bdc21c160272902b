/** group, history, statement, reconcile, correct, retract: parse, call src/ledger, print (tables in *-format.ts). */
import type { Command } from 'commander';
import { runLedgerCommand, parseAssignment } from '../../ledger/corrections.js';
import * as queries from '../../ledger/queries.js';
import { ISSUER_OPTION, storeFlag } from '../program.js';
import { toJson, warnAboutUnreadableEvents, warned } from '../output.js';
import { withStore } from '../with-store.js';
import { earliestMembership, formatGroup } from './group-format.js';
import { formatHistory } from './history-format.js';
import { formatReconciliation } from './reconcile-format.js';
import { formatStatement } from './statement-format.js';

const queryGroup = warned(queries.queryGroup);
const queryHistory = warned(queries.queryHistory);
const queryStatement = warned(queries.queryStatement);
const queryReconciliation = warned(queries.queryReconciliation);

const out = (text: string): void => void process.stdout.write(`${text}\n`);
type Json = { json?: boolean };

export function registerLedgerQueryCommands(program: Command): void {
  program
    .command('group')
    .description('group members (Rule 13d-5) at a date')
    .requiredOption(...ISSUER_OPTION)
    .requiredOption('--as-of <date>', 'YYYY-MM-DD')
    .option('--filed-by <date>', 'only facts disclosed by this filing date')
    .option('--recorded-by <instant>', 'only events recorded by this instant')
    .option('--json', 'print JSON')
    .action(async (o: { issuer: string; asOf: string; filedBy?: string; recordedBy?: string } & Json, command: Command) => {
      if (o.json) return out(toJson(await withStore(storeFlag(command), (store) => queryGroup(store, o))));
      const { view, earliest } = await withStore(storeFlag(command), async (store) => {
        const found = await queryGroup(store, o);
        // Only an empty answer needs membership at the far future, to say when it stops being empty.
        const earliest = found.members.length > 0 ? null : earliestMembership(await queryGroup(store, { ...o, asOf: '9999-12-31' }));
        return { view: found, earliest };
      });
      out(formatGroup(view, earliest));
    });

  program
    .command('history')
    .description('each change to each position of one holder, dated, with its source')
    .requiredOption(...ISSUER_OPTION)
    .requiredOption('--person <id>', 'person id, e.g. ault-and-company')
    .option('--as-of <date>', 'stop at this effective date')
    .option('--filed-by <date>', 'only facts disclosed by this filing date')
    .option('--recorded-by <instant>', 'only events recorded by this instant')
    .option('--share-basis <basis>', 'as-reported (each change in the share count of its date) or adjusted (restated to the latest split known)', 'as-reported')
    .option('--json', 'print JSON')
    .action(async (o: { issuer: string; person: string; asOf?: string; filedBy?: string; recordedBy?: string; shareBasis?: string } & Json, command: Command) => {
      if (o.json) return out(toJson(await withStore(storeFlag(command), (store) => queryHistory(store, o))));
      const { view, context } = await withStore(storeFlag(command), (store) => queries.queryHistoryWithContext(store, o));
      warnAboutUnreadableEvents(view);
      out(formatHistory(view, context));
    });

  program
    .command('statement')
    .description('the Schedule 13D as of a date: the original folded with every amendment filed by then')
    .requiredOption(...ISSUER_OPTION)
    .requiredOption('--as-of <date>', 'YYYY-MM-DD')
    .option('--filed-by <date>', 'only filings filed on or before this date')
    .option('--recorded-by <instant>', 'only events recorded by this instant')
    .option('--json', 'print JSON')
    .action(async (o: { issuer: string; asOf: string; filedBy?: string; recordedBy?: string } & Json, command: Command) => {
      if (o.json) return out(toJson(await withStore(storeFlag(command), (store) => queryStatement(store, o))));
      const { view, first } = await withStore(storeFlag(command), async (store) => {
        const found = await queryStatement(store, o);
        // Before the original there is no statement: name the first filing the ledger knows instead.
        const all = found.filings.length > 0 ? null : await queryStatement(store, { ...o, asOf: '9999-12-31' });
        const earliest = all?.filings.reduce<(typeof all.filings)[number] | null>((min, f) => (min === null || f.filedOn < min.filedOn ? f : min), null) ?? null;
        return { view: found, first: earliest === null ? null : { label: earliest.label, filedOn: earliest.filedOn } };
      });
      out(formatStatement(view, first));
    });

  program
    .command('reconcile')
    .description("each filing's figures against its own transactions, Item 5 and arithmetic")
    .requiredOption(...ISSUER_OPTION)
    .option('--filed-by <date>', 'only filings (and facts they disclose) filed on or before this date')
    .option('--recorded-by <instant>', 'only events recorded by this instant')
    .option('--json', 'print JSON')
    .action(async (o: { issuer: string; filedBy?: string; recordedBy?: string } & Json, command: Command) => {
      const view = await withStore(storeFlag(command), (store) => queryReconciliation(store, o));
      out(o.json ? toJson(view) : formatReconciliation(view));
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
