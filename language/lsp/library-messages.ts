import type { Connection, ConnectionOptions, Message, MessageStrategy, NotificationMessage } from 'vscode-languageserver';

/**
 * The notifications the JSON-RPC library handles itself, before any handler Mandate registers, and
 * so before `guardConnection` could check them: `$/setTrace`, `$/progress`, `$/cancelRequest`,
 * `$/logTrace`. With params of the wrong shape the library read them anyway and logged, e.g.,
 * "Notification handler '$/setTrace' failed with message: Cannot read properties of null (reading
 * 'value')", which reads like a bug in the server. Checked here, on their way in through the
 * connection's message strategy, a malformed one is logged with its method, what is wrong and its
 * params, and dropped. So is any notification whose params are a list: the protocol passes params
 * by name, and the library would log two lines about the list before the guard dropped it. (A
 * `$/cancelRequest` whose params are not an object fails inside the library before any strategy
 * sees it; it cancels nothing and the library drops it unlogged.)
 */
const TRACE_VALUES = ['off', 'messages', 'compact', 'verbose'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): boolean => typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value));

/** What is wrong with each notification's params, or undefined when the library can use them. */
const CHECKS: Readonly<Record<string, (params: Record<string, unknown>) => string | undefined>> = {
    '$/setTrace': params => TRACE_VALUES.includes(params.value as string) ? undefined : `value is not one of ${TRACE_VALUES.join(', ')}`,
    '$/progress': params => !isId(params.token) ? 'token is not a progress token (a text or a whole number)'
        : !('value' in params) ? 'value is missing' : undefined,
    '$/cancelRequest': params => isId(params.id) ? undefined : 'id is not a request id (a text or a whole number)',
    '$/logTrace': params => typeof params.message === 'string' ? undefined : 'message is not a text'
};

/** The params as the client sent them, cut short for a log line. */
function shown(params: unknown): string {
    if (params === undefined) return 'none';
    const text = JSON.stringify(params);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** What is wrong with a notification the library handles itself, or with any notification's list of params; undefined when nothing is. */
export function libraryNotificationProblem(message: Message): string | undefined {
    const { method, params } = message as Partial<NotificationMessage>;
    if ('id' in message || typeof method !== 'string') return undefined;
    // The library itself accepts `$/progress` as [token, value], which some JSON-RPC libraries send.
    const named = method === '$/progress' && Array.isArray(params) && params.length === 2 ? { token: params[0], value: params[1] } : params;
    if (Array.isArray(named)) return 'its params are a list, not an object (the protocol passes params by name)';
    if (!Object.hasOwn(CHECKS, method)) return undefined;
    if (!isObject(named)) return 'its params are not an object';
    return CHECKS[method](named);
}

/**
 * The options for `createConnection` that check these notifications, and `attach`, which names
 * the connection whose output channel the log lines go to once it exists.
 */
export function libraryMessageChecks(): { readonly options: ConnectionOptions; attach(connection: Connection): void } {
    let log: (line: string) => void = () => undefined;
    const messageStrategy: MessageStrategy = {
        handleMessage(message, next) {
            // A frame of JSON that is no object ("hello", 7, a batch list): the check below failed on it with
            // "Cannot use 'in' operator", which the library logged as "Processing message queue failed".
            if (!isObject(message)) {
                log(`Dropped a message that is not a JSON-RPC message (an object with jsonrpc, and a method or an id): ${shown(message)}.`);
                return undefined;
            }
            const problem = libraryNotificationProblem(message);
            if (problem === undefined) return next(message);
            const { method, params } = message as NotificationMessage;
            log(`Dropped a ${method} notification: ${problem} (params: ${shown(params)}).`);
            return undefined;
        }
    };
    return {
        options: { messageStrategy },
        attach(connection) {
            log = line => {
                try {
                    connection.console.error(line);
                } catch {
                    // The client is gone: nowhere to report it.
                }
            };
        }
    };
}
