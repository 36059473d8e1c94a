// `npm start`: runs the stack (infra/dev/stack.ts) in a process group of its own, so that Ctrl-C stops the API and
// the worker first, then Temporal, then PostgreSQL.
import { join } from 'node:path';
import { runInOwnProcessGroup } from '@app/local-stack';

runInOwnProcessGroup(join(__dirname, 'stack.js'), process.argv.slice(2));
