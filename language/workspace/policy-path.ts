/**
 * The one resolver of paths a policy names (job descriptions, evidence), used by the rules, the
 * reports and the language server alike. It works in two stages: util/policy-paths.ts normalises
 * the text (`file:` URLs, percent-encoding, `~`, `\`, drive letters) and resolves it against the
 * workspace folder without touching the disk; then this file walks the path from the workspace
 * folder's real location, one entry at a time, following symbolic links itself. A link whose
 * target leaves the workspace is refused from its text alone, so nothing outside the workspace is
 * ever opened or even looked up, and a special file (FIFO, device, socket) is named, never opened.
 */
import { URI, UriUtils } from 'langium';
import { resolvePolicyPath, resolveWorkspacePath, type PolicyPath } from '../util/policy-paths.js';
import type { PathProbe } from './path-probe.js';

/** What a path inside the workspace names once symbolic links are followed. */
export type PathEntry =
    | { readonly type: 'file' | 'directory'; readonly real: URI }
    | { readonly type: 'missing' }
    | { readonly type: 'special'; readonly what: string }
    | { readonly type: 'unreadable'; readonly reason: string };

export type LocatedPath =
    | { readonly kind: 'reference' }
    | { readonly kind: 'outside'; readonly reason: string; readonly link?: string }
    | { readonly kind: 'inside'; readonly uri: URI; readonly relative: string; readonly absolute: boolean; readonly entry: PathEntry };

/** As many links as Linux follows before ELOOP: more is a loop, or someone hiding a path. */
const MAX_LINKS = 40;

const SPECIAL: Record<string, string> = {
    fifo: 'a named pipe (FIFO)', socket: 'a socket', device: 'a device file', other: 'a special file'
};

/** Locates a path written in a policy: a reference, outside the workspace, or an entry inside it. */
export function locatePolicyPath(text: string, root: URI, probe: PathProbe): LocatedPath {
    return locate(resolvePolicyPath(text, root), root, probe);
}

/** The same for text that is always a path, e.g. a setting naming a folder or a catalogue file. */
export function locateWorkspacePath(text: string, root: URI, probe: PathProbe): Exclude<LocatedPath, { kind: 'reference' }> {
    return locate(resolveWorkspacePath(text, root), root, probe) as Exclude<LocatedPath, { kind: 'reference' }>;
}

function locate(resolved: PolicyPath, root: URI, probe: PathProbe): LocatedPath {
    if (resolved.kind !== 'inside') return resolved;
    const walked = walk(resolved.relative === '' ? [] : resolved.relative.split('/'), root, probe);
    if ('link' in walked) {
        return { kind: 'outside', link: walked.link, reason: `'${walked.link}' is a symbolic link that leads outside the workspace folder` };
    }
    return { ...resolved, entry: walked };
}

function segmentsOf(uri: URI): string[] {
    return uri.path.split('/').filter(segment => segment !== '');
}

/** `segments` less the leading `prefix`, when it starts with it (a drive letter in any case); undefined otherwise. */
function below(segments: readonly string[], prefix: readonly string[]): string[] | undefined {
    if (segments.length < prefix.length) return undefined;
    for (let index = 0; index < prefix.length; index++) {
        const drive = index === 0 && /^[A-Za-z]:$/.test(prefix[0]);
        if (drive ? segments[0].toLowerCase() !== prefix[0].toLowerCase() : segments[index] !== prefix[index]) return undefined;
    }
    return segments.slice(prefix.length);
}

function errorReason(error: unknown): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'ELOOP') return 'too many levels of symbolic links';
    return code ? `the file system answered ${code}` : 'the file system could not tell what it is';
}

/**
 * Walks `relative` from the real workspace folder. `current` is always a real folder inside it
 * (no link on the way), so every entry looked up is inside the workspace; a link is replaced by
 * its target's segments, and a target that leaves the folder ends the walk before it is looked up.
 */
function walk(relative: readonly string[], root: URI, probe: PathProbe): PathEntry | { link: string } {
    let realRoot: URI;
    try {
        realRoot = probe.realRoot(root);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException | undefined)?.code;
        return code === 'ENOENT' || code === 'ENOTDIR' ? { type: 'missing' } : { type: 'unreadable', reason: errorReason(error) };
    }
    const roots = [segmentsOf(realRoot), segmentsOf(root)];
    const queue = [...relative];
    let current: string[] = [];
    let type: string = 'directory';
    let lastLink: string | undefined;
    let links = 0;
    while (queue.length > 0) {
        const segment = queue.shift()!;
        if (segment === '' || segment === '.') continue;
        if (type !== 'directory') return { type: 'missing' }; // a file used as a folder (ENOTDIR)
        if (segment === '..') {
            // Only a link's target brings `..` here (the written text is normalised): climbing
            // above the workspace folder means that link leads outside.
            if (current.length === 0) return { link: lastLink ?? '.' };
            current.pop();
            continue;
        }
        const next = [...current, segment];
        const uri = UriUtils.joinPath(realRoot, ...next);
        let entry: string | undefined;
        try {
            entry = probe.entry(uri);
        } catch (error) {
            return { type: 'unreadable', reason: errorReason(error) };
        }
        if (entry === undefined) return { type: 'missing' };
        if (entry !== 'link') {
            current = next;
            type = entry;
            continue;
        }
        lastLink = next.join('/');
        if (++links > MAX_LINKS) return { type: 'unreadable', reason: 'too many levels of symbolic links' };
        let target: string;
        try {
            target = probe.readLink(uri);
        } catch (error) {
            return { type: 'unreadable', reason: errorReason(error) };
        }
        if (target === '' || /[\u0000]/.test(target)) return { type: 'unreadable', reason: 'the symbolic link is empty' };
        if (probe.isAbsolute(target)) {
            // An absolute target counts only when it names the workspace folder, by its real
            // path or the one it was opened with; anything else is outside, never looked up.
            const absolute = URI.file(target);
            const segments = absolute.path.split('/').filter(part => part !== '' && part !== '.');
            const rest = roots.map(prefix => below(segments, prefix)).find(found => found !== undefined);
            if (rest === undefined) return { link: lastLink };
            current = [];
            type = 'directory';
            queue.unshift(...rest);
        } else {
            queue.unshift(...probe.splitLink(target));
        }
    }
    if (type === 'file' || type === 'directory') return { type, real: UriUtils.joinPath(realRoot, ...current) };
    return { type: 'special', what: SPECIAL[type] ?? SPECIAL.other };
}
