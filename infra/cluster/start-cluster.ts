// `npm run cluster`: runs the cluster (infra/cluster/cluster.ts, flags passed on) in a process group of its own, so
// that Ctrl-C stops the APIs and the workers first, then the Temporal server.
import { join } from 'node:path';
import { runInOwnProcessGroup } from '@app/local-stack';

runInOwnProcessGroup(join(__dirname, 'cluster.js'), process.argv.slice(2));
