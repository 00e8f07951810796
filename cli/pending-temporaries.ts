import { rmSync } from 'node:fs';

/**
 * The temporary files `writeAtomically` is writing. An interrupted run (Ctrl-C, `kill`, a closed
 * terminal) or one that dies of an uncaught error would otherwise leave a `.report.md.<random>.tmp`
 * next to the output, perhaps holding half of an HR report. While one is pending, a handler of
 * SIGINT, SIGTERM and SIGHUP removes them synchronously and then re-raises the signal, so the run
 * still ends the conventional way (killed by the signal: status 128 + n in a shell, a stopped loop
 * in a script); the `exit` event, which Node also emits after an uncaught exception, removes them
 * too. The handlers are installed only while something is pending: at any other time a signal has
 * its default effect and nothing is left to clean.
 */
const pending = new Set<string>();

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Removes every pending temporary file, synchronously: in a signal handler or at exit there is no later. */
export function removePendingTemporaries(): void {
    for (const file of pending) {
        try {
            rmSync(file, { force: true });
        } catch {
            // Nothing more can be done on the way out; the run's message already says what failed.
        }
    }
    pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
    removePendingTemporaries();
    uninstall();
    // With no listener left, the signal's default action ends the process as the signal would have.
    process.kill(process.pid, signal);
}

const onExit = (): void => removePendingTemporaries();

function install(): void {
    for (const signal of SIGNALS) process.on(signal, onSignal);
    process.on('exit', onExit);
}

function uninstall(): void {
    for (const signal of SIGNALS) process.removeListener(signal, onSignal);
    process.removeListener('exit', onExit);
}

/**
 * Records `file` before it is created, so an interruption while it is opened or written removes it.
 * (The random name makes it ours: `writeAtomically` forgets it at once if creating it finds it taken.)
 */
export function trackTemporary(file: string): void {
    if (pending.size === 0) install();
    pending.add(file);
}

/** Forgets `file` once it was renamed over the target or removed. */
export function forgetTemporary(file: string): void {
    if (!pending.delete(file)) return;
    if (pending.size === 0) uninstall();
}

/** How many temporary files are pending, for tests. */
export function pendingTemporaryCount(): number {
    return pending.size;
}
