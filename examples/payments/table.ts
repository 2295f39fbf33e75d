/**
 * Keeps the `payments` table present: created as soon as the database answers at start-up,
 * and again when a statement finds it missing (a database that was wiped and restarted).
 */
import type { Pool } from 'pg';
import { createTableIfMissing, isMissingTable } from './database.js';
import type { Logger } from './logger.js';

/** Short, so a database that comes up late is usable within the contract's second. */
const RETRY_MS = 250;

export interface TableKeeper {
  /** Runs `work`; when it fails because the table is missing, creates it and runs `work` once more. */
  withTable<T>(work: () => Promise<T>): Promise<T>;
  stop(): void;
}

export function keepTable(pool: Pool, logger: Logger): TableKeeper {
  let ready = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let reported = false;

  const create = async () => {
    await createTableIfMissing(pool);
    if (!ready) logger.info('table payments ready');
    ready = true;
  };
  const attempt = () => {
    create().catch((error: unknown) => {
      if (!reported) logger.info(`cannot create the table yet (${messageOf(error)}); retrying`);
      reported = true;
      if (!stopped) timer = setTimeout(attempt, RETRY_MS).unref();
    });
  };
  attempt();

  return {
    async withTable(work) {
      if (!ready) await create();
      try {
        return await work();
      } catch (error) {
        if (!isMissingTable(error)) throw error;
        ready = false;
        await create();
        return work();
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
