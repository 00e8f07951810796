/**
 * What counts as a failure of the engine, whatever the input: an exception, an internal error
 * written into a message, a value the code never meant to show (`undefined`, `NaN`), or an
 * operation over the bound. The fuzzer's inputs never contain those words, so finding one
 * in output means the engine produced it.
 */

/** The time one operation (a build, a request, one report format) may take at most; the bound. */
export const OPERATION_BUDGET_MS = 2000;

export interface Problem {
    /** The operation, e.g. `check`, `hover policy-0.mandate 3:14`, `report html`. */
    readonly operation: string;
    readonly message: string;
    readonly stack?: string;
}

/** Internal errors that reach a message: caught exceptions, broken lookups, runaway recursion. */
const INTERNAL = [
    /An error occurred/, /Cannot read propert/, /Cannot set propert/, /is not a reference/, /is not a function/, /is not iterable/,
    /Maximum call stack/, /Invalid time value/, /Invalid Date/, /[Oo]ut of memory/, /table index is out of bounds/, /function signature mismatch/,
    /unreachable/, /RangeError|TypeError|ReferenceError|SyntaxError:/
];

/** Values that only code writes: the fuzzer never puts them in a policy. */
const LEAKED = [/\bundefined\b/, /\bNaN\b/, /\bInfinity\b/, /\[object Object\]/, /\$(?:type|container|cstNode|refText|document)\b/];

const PATTERNS = [...INTERNAL, ...LEAKED];
/** All of them in one pass: reports are long, and most text is clean. */
const ANY = new RegExp(PATTERNS.map(pattern => `(?:${pattern.source})`).join('|'));

/** The first internal-error or leaked-value pattern `text` matches, as a short reason; undefined when clean. */
export function leak(text: string): string | undefined {
    const match = ANY.exec(text);
    if (!match) return undefined;
    const pattern = PATTERNS.find(candidate => candidate.test(match[0])) ?? ANY;
    const from = Math.max(0, match.index - 60);
    return `«${text.slice(from, match.index + match[0].length + 60).replace(/\s+/g, ' ')}» matches ${pattern}`;
}

export function thrown(operation: string, error: unknown): Problem {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : `thrown: ${String(error)}`;
    return { operation, message, stack: error instanceof Error ? error.stack : undefined };
}
