/**
 * docker-compose.yml stays valid and keeps its promises: the single EventStoreDB
 * node with the app pointed at it, the three-node cluster under the `cluster`
 * profile, and PostgreSQL with an app that migrates it under the `postgres` profile. `docker-compose config` (the
 * Python v1 tool, Debian's docker-compose
 * package) checks the file without a Docker engine. Without the tool the test is
 * skipped with the reason printed, except on CI (CI set), where it fails.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const composeFile = fileURLToPath(new URL('../docker-compose.yml', import.meta.url));

function compose(...args: string[]) {
  const result = spawnSync('docker-compose', ['--file', composeFile, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

const probe = spawnSync('docker-compose', ['version'], { encoding: 'utf8', timeout: 30_000 });
const missing =
  probe.error !== undefined || probe.status !== 0
    ? `docker-compose is not usable (${probe.error?.message ?? probe.stderr.trim()}); install it with: apt-get install -y docker-compose`
    : undefined;
const onCi = process.env.CI !== undefined && !/^(|0|false)$/i.test(process.env.CI);
if (missing !== undefined && !onCi) console.warn(`docker-compose config test skipped: ${missing}`);

describe('docker-compose.yml', () => {
  if (missing !== undefined && onCi) {
    it('needs docker-compose on CI', () => {
      throw new Error(missing);
    });
    return;
  }

  it.skipIf(missing !== undefined)('is valid and serves the app on port 3000 against the eventstore service', () => {
    const result = compose('config');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('image: eventstore/eventstore:24.10');
    expect(result.stdout).toContain('LEDGER_STORE: esdb://eventstore:2113?tls=false');
    expect(result.stdout).toMatch(/- serve\n\s+- --sample-if-empty/);
    expect(result.stdout).toMatch(/published: 3000|3000:3000/);
    expect(result.stdout).toMatch(/condition: service_healthy/);
  });

  it.skipIf(missing !== undefined)('has a three-node cluster and its app under the cluster profile', () => {
    const services = compose('--profile', 'cluster', 'config', '--services');
    expect(services.status).toBe(0);
    const names = services.stdout
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(names).toEqual(
      expect.arrayContaining(['eventstore', 'app', 'esdb-node1', 'esdb-node2', 'esdb-node3', 'app-cluster']),
    );

    const config = compose('--profile', 'cluster', 'config');
    expect(config.status).toBe(0);
    expect(config.stdout).toContain(
      'LEDGER_STORE: esdb://esdb-node1:2113,esdb-node2:2113,esdb-node3:2113?tls=false&nodePreference=leader',
    );
    expect(config.stdout.match(/EVENTSTORE_CLUSTER_SIZE: '3'/g)).toHaveLength(3);
    for (const port of [2114, 2115, 2116])
      expect(config.stdout).toMatch(new RegExp(`published: ${port}\\s+target: 2113`));
  });

  it.skipIf(missing !== undefined)('has PostgreSQL and an app configured for it under the postgres profile', () => {
    const services = compose('--profile', 'postgres', 'config', '--services');
    expect(services.status).toBe(0);
    const names = services.stdout
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(names).toEqual(expect.arrayContaining(['postgres', 'app-postgres']));

    const config = compose('--profile', 'postgres', 'config');
    expect(config.status).toBe(0);
    expect(config.stdout).toContain('image: postgres:15');
    expect(config.stdout).toContain('LEDGER_STORE: postgres://ledger:ledger@postgres:5432/ledger');
    expect(config.stdout).toMatch(/pg_isready -U ledger -d ledger/);
    expect(config.stdout).toMatch(/published: 5433\s+target: 5432/);
    // The app waits for a healthy server, and `up` creates the ledger's schema
    expect(config.stdout).toMatch(
      /app-postgres:[\s\S]*?command:\s+- store\s+- migrate[\s\S]*?postgres:\s+condition: service_healthy[\s\S]*?profiles:\s+- postgres/,
    );
  });
});
