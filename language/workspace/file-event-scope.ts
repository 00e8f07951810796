import { URI, UriUtils } from 'langium';
import type { PathProbe } from './path-probe.js';
import { locateWorkspacePath } from './policy-path.js';

/**
 * Whether a file event a client sends (a watched file created, changed or deleted) may change the
 * policy, or why not. Langium loads whatever a change event names that it does not know yet, and a
 * folder with everything below it: an event for `file:///` (an empty URI) loaded every `.mandate`
 * file on the machine until the server ran out of memory, and one for a folder outside the
 * workspace made its files policy. The start-up scan reads the workspace folders only, and no
 * symbolic link in them; an event may add no more than that scan would, so that an incremental
 * result equals a cold build. Documents the server already has are not asked about: their events
 * are always applied (an open file outside the workspace, a file being deleted).
 */
export function fileEventRefusal(uri: URI, roots: readonly URI[], probe: PathProbe): string | undefined {
    const segments = uri.path.split('/');
    if (segments.includes('..') || segments.includes('.')) return 'its path has `.` or `..` segments';
    const root = roots.find(folder => UriUtils.contains(folder, uri));
    if (!root) return 'it is outside the workspace folders';
    // A virtual workspace (`vscode-vfs:`) has no links to follow.
    if (uri.scheme !== 'file') return undefined;
    const relative = UriUtils.relative(root, uri);
    const located = locateWorkspacePath(relative, root, probe);
    if (located.kind === 'outside') return located.reason;
    const entry = located.entry;
    if (entry.type === 'special') return `it is ${entry.what}, which is never read`;
    if (entry.type === 'unreadable') return entry.reason;
    if (entry.type === 'missing') return undefined; // gone already: its deletion is applied, a change finds nothing to load
    // A policy file or a folder reached through a link: the start-up scan skips links, so would this.
    const policyOrFolder = entry.type === 'directory' || uri.path.endsWith('.mandate');
    if (policyOrFolder && !sameEntry(entry.real, relative, root, probe)) return 'it is reached through a symbolic link, and links in the workspace are not followed';
    return undefined;
}

/** Whether `real` is `relative` below the workspace folder's real path: no link on the way. */
function sameEntry(real: URI, relative: string, root: URI, probe: PathProbe): boolean {
    let realRoot: URI;
    try {
        realRoot = probe.realRoot(root);
    } catch {
        return false; // the folder went since the walk: nothing to load from it
    }
    const expected = relative === '' ? realRoot : UriUtils.joinPath(realRoot, ...relative.split('/'));
    return UriUtils.equals(real, expected);
}
