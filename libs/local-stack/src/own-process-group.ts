import { spawn } from 'node:child_process';

/**
 * Runs a launcher script in a process group of its own and asks it to stop (SIGTERM, once) on Ctrl-C, SIGTERM or a
 * closed terminal; exits with its code. Ctrl-C reaches every process of the terminal's group at once: the databases
 * and Temporal would stop while a worker still finishes its tasks against them. In a group of its own, the launcher
 * stops its apps first. The launcher gets an IPC channel, so it can stop too when this front is killed outright.
 */
export function runInOwnProcessGroup(script: string, args: readonly string[]): void {
  const launcher = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true });
  let asked = false;
  const stop = (): void => {
    if (asked) return;
    asked = true;
    launcher.kill('SIGTERM');
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
  launcher.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
