import { URI, UriUtils } from 'langium';

export type PolicyPath =
    | { kind: 'reference' }                          // a ticket number, a URL, a document title
    | { kind: 'outside'; reason: string }            // escapes the workspace: never read
    | { kind: 'inside'; uri: URI; relative: string }; // a file in the workspace

/**
 * Whether a string looks like a file path rather than a reference: it has a folder separator
 * or a file extension. URLs and ticket IDs such as "HR-1234" are references.
 */
function looksLikePath(text: string): boolean {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return false;
    return /[\\/]/.test(text) || /\.[A-Za-z][A-Za-z0-9]{0,4}$/.test(text);
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
 * Nothing here reads the file system, so a path that escapes can be rejected before any read.
 */
export function resolvePolicyPath(text: string, root: URI): PolicyPath {
    return looksLikePath(text.trim()) ? resolveWorkspacePath(text, root) : { kind: 'reference' };
}

/** Like resolvePolicyPath, for text that is always a path (e.g. a setting naming a folder). */
export function resolveWorkspacePath(text: string, root: URI): Exclude<PolicyPath, { kind: 'reference' }> {
    const slashed = text.trim().replace(/\\/g, '/');
    const absolute = slashed.startsWith('/') || /^[A-Za-z]:\//.test(slashed);
    if (absolute) {
        const normalized = normalizeSegments(slashed.split('/'));
        const target = normalized && URI.file(`/${normalized.join('/')}`);
        if (!target || !UriUtils.contains(root, target)) {
            return { kind: 'outside', reason: 'it is an absolute path outside the workspace folder' };
        }
        const relative = UriUtils.relative(root, target);
        return { kind: 'inside', uri: target, relative };
    }
    const segments = normalizeSegments(slashed.split('/'));
    if (segments === undefined) {
        return { kind: 'outside', reason: 'its `..` segments climb above the workspace folder' };
    }
    const relative = segments.join('/');
    return { kind: 'inside', uri: UriUtils.joinPath(root, ...segments), relative };
}
