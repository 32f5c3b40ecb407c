import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { DigestLog, DigestLogEntry } from './signed-digest';

/**
 * One JSON line per digest in a file (DATA_DIR/ledger/digests.jsonl by default). Appended with
 * O_APPEND and fsync'd by the OS like any log; publish a copy (GET /ledger/digests) so that the
 * file is not the only witness. A line that does not parse is reported, not skipped.
 */
export class JsonlDigestLog implements DigestLog {
  constructor(readonly location: string) {}

  readAll(): DigestLogEntry[] {
    if (!existsSync(this.location)) return [];
    const lines = readFileSync(this.location, 'utf8').split('\n').filter((l) => l.trim() !== '');
    return lines.map((line, i) => {
      try {
        return JSON.parse(line) as DigestLogEntry;
      } catch {
        throw new Error(`${this.location}: line ${i + 1} is not a digest (not JSON)`);
      }
    });
  }

  append(entry: DigestLogEntry): void {
    appendFileSync(this.location, `${JSON.stringify(entry)}\n`, { flag: 'a', mode: 0o644 });
  }
}

