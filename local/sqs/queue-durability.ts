import { pathToFileURL } from 'node:url';
import { fauxqsFile, FauxqsPatchError } from './fauxqs-files.js';

interface PersistenceManagerProto {
  db?: { exec(sql: string): void };
  prepareStatements(): unknown;
}

let applied: Promise<void> | undefined;

/**
 * fauxqs writes every queue change through to SQLite (WAL journal) with SQLite's default `synchronous = FULL`:
 * an fsync per change, four per message (sent, sequence counter, received, deleted), each one blocking the server's
 * only thread, since node:sqlite is synchronous. In WAL mode `synchronous = NORMAL` still loses nothing when the
 * process dies (SIGKILL included: the WAL is in the OS's hands once written), only the last changes on a power
 * cut, which is what the local DynamoDB (LevelDB, no fsync per write) already accepts. Measured with
 * `BENCH_ONLY=burst npm run bench`: 103 → 149 orders/s end to end. See patches/fauxqs-sqlite-synchronous.md.
 */
export function syncQueueWritesAsTheStoreDoes(): Promise<void> {
  applied ??= (async () => {
    const file = fauxqsFile('dist/persistence.js', 'local/sqs/queue-durability.ts');
    const { PersistenceManager } = (await import(pathToFileURL(file).href)) as { PersistenceManager: { prototype: PersistenceManagerProto } };
    const prepare = PersistenceManager.prototype.prepareStatements;
    if (typeof prepare !== 'function') throw new FauxqsPatchError('fauxqs PersistenceManager has no prepareStatements');
    // The constructor opens the database, then prepares its statements: the one moment the connection is reachable.
    PersistenceManager.prototype.prepareStatements = function prepareWithNormalSync(this: PersistenceManagerProto) {
      if (!this.db) throw new FauxqsPatchError('fauxqs PersistenceManager has no database at prepareStatements');
      this.db.exec('PRAGMA synchronous = NORMAL');
      return prepare.call(this);
    };
  })();
  return applied;
}
