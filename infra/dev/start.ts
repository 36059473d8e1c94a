// `npm start`: runs the stack (infra/dev/stack.ts) in a process group of its own and asks it to stop on Ctrl-C,
// SIGTERM or a closed terminal. Ctrl-C reaches every process of the terminal's group at once: PostgreSQL and the
// Temporal dev server would stop while the worker still finishes its tasks against them. In a group of its own, the
// stack stops the API and the worker first, then Temporal, then PostgreSQL.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const stack = spawn(process.execPath, [join(__dirname, 'stack.js')], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true });
let asked = false;
const stop = (): void => {
  if (asked) return;
  asked = true;
  stack.kill('SIGTERM');
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
stack.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
