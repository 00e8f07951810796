import { URI, UriUtils } from 'langium';

export type PolicyPath =
    | { kind: 'reference' }                          // a ticket number, a URL, a document title
    | { kind: 'outside'; reason: string }            // escapes the workspace: never read
    | { kind: 'inside'; uri: URI; relative: string; absolute: boolean }; // a file in the workspace; `absolute` when written as one

/** How many rounds of percent-decoding are undone: `%25` hides one more round (`%252e` → `%2e` → `.`). */
const DECODE_ROUNDS = 4;
const FILE_URL = /^file:/i;
const OTHER_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Whether a string looks like a file path rather than a reference: it has a folder separator
 * or a file extension. URLs other than `file:` and ticket IDs such as "HR-1234" are references.
 */
function looksLikePath(text: string): boolean {
    if (FILE_URL.test(text)) return true;
    if (OTHER_URL.test(text)) return false;
    return /[\\/]/.test(text) || /\.[A-Za-z][A-Za-z0-9]{0,4}$/.test(text);
}

/** Text that no decoding can turn into a path: no `/`, `\\`, `.`, `:` or `%`. */
const PLAIN_REFERENCE = /^[^/\\.:%]*$/;
const REFERENCE: PolicyPath = Object.freeze({ kind: 'reference' });

/** Whether `text` is a reference whatever the workspace: resolvePolicyPath says so without decoding anything. */
export function isPlainReference(text: string): boolean {
    return PLAIN_REFERENCE.test(text);
}

/** Undoes one round of percent-encoding; a `%` not followed by two hex digits stays as it is. */
function percentDecode(text: string): string {
    return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, run => {
        try {
            return decodeURIComponent(run);
        } catch {
            return run; // not UTF-8: kept literally, never guessed
        }
    });
}

/**
 * The text as the file system would see it, and every intermediate form: a `file:` URL becomes
 * its path, percent-encoding is undone (repeatedly, so double encoding hides nothing), and `\`
 * is a separator. Each form is checked, so none of them can name a place the others do not.
 */
function decodedForms(text: string): { forms: string[]; host?: string } {
    let rest = text.trim();
    let host: string | undefined;
    if (FILE_URL.test(rest)) {
        rest = rest.slice('file:'.length);
        const authority = /^\/\/([^/\\]*)/.exec(rest);
        if (authority) {
            host = authority[1];
            rest = rest.slice(authority[0].length);
        }
        rest = rest.replace(/[?#].*$/s, ''); // a query or fragment is not part of a file's path
        if (/^\/[A-Za-z]:/.test(rest)) rest = rest.slice(1); // file:///C:/… names C:/…
    }
    const forms = [rest];
    for (let round = 0; round < DECODE_ROUNDS; round++) {
        const decoded = percentDecode(forms[forms.length - 1]);
        if (decoded === forms[forms.length - 1]) break;
        forms.push(decoded);
    }
    return { forms: forms.map(form => form.replace(/\\/g, '/')), host };
}

/** Resolves `.` and `..` segments without touching the file system. Returns undefined when `..` climbs above the start. */
function normalizeSegments(segments: readonly string[]): string[] | undefined {
    const result: string[] = [];
    for (const segment of segments) {
        if (segment === '' || segment === '.') continue;
        if (segment === '..') {
            if (result.length === 0) return undefined;
            result.pop();
        } else {
            result.push(segment);
        }
    }
    return result;
}

/**
 * Classifies a path written in a policy (a job description, an evidence document) against the
 * workspace folder `root`. Relative paths resolve against the root, absolute ones must lie in it.
 * Nothing here reads the file system, so a path that escapes can be rejected before any read;
 * workspace/policy-path.ts then follows symbolic links inside the workspace.
 */
export function resolvePolicyPath(text: string, root: URI): PolicyPath {
    // Most evidence is a reference ("HR-1234", "Board minutes"): no separator, no extension, no
    // URL and nothing encoded, in any form. Told at once, as a 100,000-line workspace names 15,000.
    if (isPlainReference(text)) return REFERENCE;
    const { forms } = decodedForms(text);
    return looksLikePath(text.trim()) || looksLikePath(forms[forms.length - 1])
        ? resolveWorkspacePath(text, root)
        : REFERENCE;
}

/** Like resolvePolicyPath, for text that is always a path (e.g. a setting naming a folder). */
export function resolveWorkspacePath(text: string, root: URI): Exclude<PolicyPath, { kind: 'reference' }> {
    const isUrl = FILE_URL.test(text.trim());
    const { forms, host } = decodedForms(text);
    if (host !== undefined && host !== '' && host.toLowerCase() !== 'localhost') {
        return { kind: 'outside', reason: `it is a \`file:\` URL of another computer ('${host}')` };
    }
    let resolved: Extract<PolicyPath, { kind: 'inside' }> | undefined;
    for (const [index, form] of forms.entries()) {
        const result = resolveForm(form, root, isUrl);
        if (result.kind === 'outside') {
            return index === 0 ? result : { kind: 'outside', reason: `once its percent-encoding is decoded (\`%2e%2e/\` is \`../\`), ${result.reason}` };
        }
        resolved = result;
    }
    return resolved!; // forms is never empty
}

function resolveForm(slashed: string, root: URI, isUrl: boolean): Exclude<PolicyPath, { kind: 'reference' }> {
    // No file name holds a NUL or another control character: such text is never looked up.
    if (/[\u0000-\u001f\u007f]/.test(slashed)) return { kind: 'outside', reason: 'it contains a control character, which no file in the workspace has in its name' };
    // `~` is a home folder to a shell; Mandate never expands it, and never treats it as a folder of the workspace.
    if (/^~/.test(slashed)) return { kind: 'outside', reason: 'it starts with `~`, a home folder, which Mandate never expands' };
    const drive = /^[A-Za-z]:/.test(slashed);
    if (drive && !/^[A-Za-z]:\//.test(slashed)) return { kind: 'outside', reason: 'it names a folder on another drive' };
    const absolute = slashed.startsWith('/') || drive;
    if (absolute) {
        const normalized = normalizeSegments(slashed.split('/'));
        const target = normalized && URI.file(`/${normalized.join('/')}`);
        if (!target || !UriUtils.contains(root, target)) {
            return { kind: 'outside', reason: isUrl ? 'it is a `file:` URL outside the workspace folder' : 'it is an absolute path outside the workspace folder' };
        }
        const relative = UriUtils.relative(root, target);
        return { kind: 'inside', uri: target, relative, absolute: true };
    }
    if (isUrl) return { kind: 'outside', reason: 'it is a `file:` URL without an absolute path' };
    const segments = normalizeSegments(slashed.split('/'));
    if (segments === undefined) {
        return { kind: 'outside', reason: 'its `..` segments climb above the workspace folder' };
    }
    const relative = segments.join('/');
    return { kind: 'inside', uri: UriUtils.joinPath(root, ...segments), relative, absolute: false };
}
