/** `13d-ledger verify`: the log's tamper evidence, checked from first event to last (src/ledger/verify-log.ts). */
import type { Command } from 'commander';
import { verifyLog } from '../../ledger/verify-log.js';
import { ExitWithCode, storeFlag } from '../options.js';
import { withStore } from '../with-store.js';
import { print, toJson } from '../output.js';

export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description(
      'walk the whole log and report the first event whose content, hash chain, revision sequence or recorded time ' +
        'does not match; exits 1 when one does',
    )
    .option('--anchor <file>', 'check the head this file holds (if it exists), and write the new head there when clean')
    .option('--json', 'print JSON')
    .action(async (options: { anchor?: string; json?: boolean }, command: Command) => {
      const report = await withStore(storeFlag(command), (store) =>
        verifyLog(store, options.anchor === undefined ? {} : { anchorFile: options.anchor }),
      );
      print(options.json ? toJson(report) : report.message);
      if (!report.ok) throw new ExitWithCode(1);
    });
}
