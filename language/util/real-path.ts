import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { URI } from 'langium';

export type RealLocation =
    | { kind: 'inside'; uri: URI }
    | { kind: 'outside' }
    | { kind: 'missing' }
    | { kind: 'unreadable'; reason: string };

/**
 * Where `target` really is, after following symbolic links, relative to the real `root`: a link
 * inside the workspace that points outside it must not be read. Only `file:` URIs can be links;
 * any other file system is taken as it is (the caller has already checked the path's text).
 */
export async function realLocation(target: URI, root: URI): Promise<RealLocation> {
    if (target.scheme !== 'file' || root.scheme !== 'file') return { kind: 'inside', uri: target };
    let realRoot: string;
    let real: string;
    try {
        realRoot = await realpath(root.fsPath);
        real = await realpath(target.fsPath);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
        return { kind: 'unreadable', reason: code === 'ELOOP' ? 'too many levels of symbolic links' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? 'unknown error' };
    }
    const relative = path.relative(realRoot, real);
    if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return { kind: 'outside' };
    return { kind: 'inside', uri: URI.file(real) };
}
