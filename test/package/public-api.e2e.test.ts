/**
 * Another program can `import { openStore } from '13d-ledger'` after a build:
 * build into a scratch package folder, then import it by name from outside.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'ledger-package-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the built package', () => {
  it('lets another program open a store and use the port by the package name', () => {
    // Given the package built into node_modules/13d-ledger of a consumer project
    const installed = join(scratch, 'node_modules', '13d-ledger');
    mkdirSync(installed, { recursive: true });
    cpSync(join(root, 'package.json'), join(installed, 'package.json'));
    symlinkSync(join(root, 'node_modules'), join(installed, 'node_modules'));
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(root, 'tsconfig.build.json'),
        '--outDir',
        join(installed, 'dist'),
      ],
      {
        cwd: root,
        stdio: 'pipe',
      },
    );
    const consumer = join(scratch, 'consumer.mjs');
    writeFileSync(
      consumer,
      `import { openStore, WrongExpectedRevisionError } from '13d-ledger';
       const store = await openStore('sqlite::memory:');
       await store.append('issuer-09175M507', [{ id: '0b6f1c1e-6f4e-4a53-9d3e-2f1a4a6f0d11', type: 'Noted', data: { shares: 35846318 } }]);
       const stale = await store.append('issuer-09175M507', [{ id: '1b6f1c1e-6f4e-4a53-9d3e-2f1a4a6f0d11', type: 'Noted', data: {} }], { expectedRevision: 'no_stream' }).catch((e) => e);
       const [event] = await store.readStream('issuer-09175M507');
       console.log(JSON.stringify({ data: event.data, revision: String(event.revision), conflict: stale instanceof WrongExpectedRevisionError }));
       await store.close();`,
    );

    // When the consumer runs
    const output = execFileSync(process.execPath, [consumer], { cwd: scratch, encoding: 'utf8' });

    // Then it appended, read back, and caught the port's own error class
    expect(JSON.parse(output)).toEqual({ data: { shares: 35_846_318 }, revision: '0', conflict: true });
  }, 120_000);
});
