import { format } from 'node:util';

const METHODS = ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const;

/**
 * Runs `work` with the console silenced. Langium reports its own failures, such as a validation
 * check that throws, with console.error and a stack trace; the CLI must keep stdout for findings
 * and stderr to one line per problem. Returns the first line of each console.error call.
 */
export async function withQuietConsole<T>(work: () => Promise<T>): Promise<{ result: T; errors: string[] }> {
    const saved = METHODS.map(method => console[method]);
    const errors: string[] = [];
    for (const method of METHODS) console[method] = () => undefined;
    console.error = (...args: unknown[]) => { errors.push(format(...args).split('\n')[0]); };
    try {
        return { result: await work(), errors };
    } finally {
        METHODS.forEach((method, index) => { console[method] = saved[index]; });
    }
}
