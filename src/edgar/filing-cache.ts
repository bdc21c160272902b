/**
 * The raw filings the sync downloaded, on disk by accession number, exactly
 * as EDGAR sent them: each is downloaded once, a later sync reads it from
 * here, and `13d-ledger reparse` re-reads them all with a newer parser.
 * `<dir>/<filer id>/<accession>.txt` (the first ten digits of the accession
 * number name the filer or its agent), so that no folder holds hundreds of
 * thousands of files. A file is written under a temporary name and renamed:
 * a killed run leaves no half file that looks whole.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAccessionNumber } from '../domain/index.js';

/** @defaultValue of `--cache`, relative to the working directory, beside the default store (./var/ledger.db). */
export const DEFAULT_CACHE_DIR = 'var/edgar-cache';

export interface FilingCache {
  readonly dir: string;
  pathOf(accessionNumber: string): string;
  /** The bytes, or null when not cached. */
  read(accessionNumber: string): Promise<Buffer | null>;
  write(accessionNumber: string, bytes: Uint8Array): Promise<void>;
  /** Every cached accession number, sorted. */
  list(): Promise<string[]>;
}

const FILE = /^(\d{10}-\d{2}-\d{6})\.txt$/;

export function filingCache(dir: string = DEFAULT_CACHE_DIR): FilingCache {
  const pathOf = (accessionNumber: string) => {
    const accession = parseAccessionNumber(accessionNumber);
    return join(dir, accession.slice(0, 10), `${accession}.txt`);
  };
  return {
    dir,
    pathOf,
    async read(accessionNumber) {
      try {
        return await readFile(pathOf(accessionNumber));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async write(accessionNumber, bytes) {
      const path = pathOf(accessionNumber);
      await mkdir(join(path, '..'), { recursive: true });
      const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    },
    async list() {
      const folders = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
      const found: string[] = [];
      for (const folder of folders) {
        if (!folder.isDirectory() || !/^\d{10}$/.test(folder.name)) continue;
        for (const name of await readdir(join(dir, folder.name))) {
          const accession = FILE.exec(name)?.[1];
          if (accession !== undefined && accession.startsWith(folder.name)) found.push(accession);
        }
      }
      return found.sort();
    },
  };
}
