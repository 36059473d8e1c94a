// `npm run rebuild-projections`: replays the read models from the events into new tables and swaps them in, printing
// progress; the API and the worker go on meanwhile.
// Reads DATABASE_URL (see libs/config); exits 0 when the rebuild committed, 1 otherwise.
import { configFromProcess } from '@app/config';
import { connect, migrate } from '@app/event-store';
import { rebuildProjections, type RebuildProgress } from '@app/read-models';

export interface RebuildCommandIo {
  log: (line: string) => void;
  error: (line: string) => void;
}

const percent = ({ done, total }: RebuildProgress): string => (total === 0 ? '100' : ((100 * done) / total).toFixed(1));

/** The command without the process: returns the exit code. */
export async function rebuildCommand(databaseUrl: string | undefined, io: RebuildCommandIo): Promise<number> {
  if (!databaseUrl) {
    io.error('rebuild-projections: DATABASE_URL is not set; point it at the PostgreSQL holding the events.');
    return 1;
  }
  const sql = connect(databaseUrl, { max: 2 }); // the rebuild reads on one and writes on the other
  try {
    await migrate(sql); // a new read model's table must exist before it is filled
    const result = await rebuildProjections(sql, {
      onProgress: (progress) => io.log(`rebuild-projections: ${progress.done}/${progress.total} events (${percent(progress)}%)`),
    });
    io.log(`rebuild-projections: rebuilt ${result.tables.join(', ')} from ${result.events} events in ${result.ms} ms`);
    return 0;
  } catch (error) {
    io.error(`rebuild-projections: failed, the read models are unchanged: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function main(): Promise<number> {
  try {
    const config = configFromProcess();
    return await rebuildCommand(config.databaseUrl, { log: (line) => console.log(line), error: (line) => console.error(line) });
  } catch (error) {
    console.error(`rebuild-projections: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
