import * as path from 'node:path';

/** A workspace folder as far as resolving a report's file names goes. */
export interface FolderPath {
    readonly name: string;
    /** The folder on disk. */
    readonly path: string;
}

/**
 * The file a report names, as the report names it: relative to the workspace folder, or with
 * several folders, prefixed by the folder's name (language/report/report-sources.ts). Undefined
 * for anything that would leave the folder: an absolute path, `..`, a backslash, a drive or a
 * scheme. Symbolic links are the caller's to refuse (client/webview.ts opens regular files only).
 * No vscode import, so it is tested on its own (tests/webview-pages.test.ts).
 */
export function resolveWorkspaceFile(file: string, folders: readonly FolderPath[]): string | undefined {
    if (/^[/\\]|^[A-Za-z]:|\\|\0|^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(file)) return undefined;
    const segments = file.split('/');
    if (segments.some(segment => segment === '..' || segment === '.' || segment === '')) return undefined;
    const candidates = folders.length === 1 ? [{ folder: folders[0], rest: segments }]
        : folders.filter(folder => folder.name === segments[0]).map(folder => ({ folder, rest: segments.slice(1) }));
    const found = candidates.find(candidate => candidate.rest.length > 0);
    if (!found) return undefined;
    const target = path.resolve(found.folder.path, ...found.rest);
    const relative = path.relative(found.folder.path, target);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return target;
}
