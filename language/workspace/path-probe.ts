import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { URI, type FileSystemProvider } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';

/** What an entry is, without following a final symbolic link. */
export type EntryKind = 'file' | 'directory' | 'link' | 'fifo' | 'socket' | 'device' | 'other';

/**
 * The few questions the path resolver (policy-path.ts) asks the file system. It only ever asks
 * them about entries inside the workspace folder: none of them opens a file.
 */
export interface PathProbe {
    /** The workspace folder's own real path (it may be reached through a link, e.g. /tmp on macOS). */
    realRoot(root: URI): URI;
    /** What is at `uri`, without following a final link; undefined when nothing is. Throws on other errors. */
    entry(uri: URI): EntryKind | undefined;
    /** The target of the symbolic link at `uri`, as stored in the link. */
    readLink(uri: URI): string;
    isAbsolute(target: string): boolean;
    /** A relative link target's segments. */
    splitLink(target: string): string[];
}

/** The real disk: lstat and readlink, never stat, open or read. */
export const NODE_PATH_PROBE: PathProbe = {
    realRoot: root => URI.file(realpathSync(root.fsPath)),
    entry: uri => {
        let stats;
        try {
            stats = lstatSync(uri.fsPath, { throwIfNoEntry: false });
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
            throw error;
        }
        if (!stats) return undefined;
        if (stats.isSymbolicLink()) return 'link';
        if (stats.isFile()) return 'file';
        if (stats.isDirectory()) return 'directory';
        if (stats.isFIFO()) return 'fifo';
        if (stats.isSocket()) return 'socket';
        if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
        return 'other';
    },
    readLink: uri => readlinkSync(uri.fsPath),
    isAbsolute: target => path.isAbsolute(target),
    splitLink: target => target.split(path.sep === '\\' ? /[\\/]/ : '/')
};

/**
 * Any other file system (a virtual one in tests, none at all): it has no links and no special
 * files, so an entry is a file, a folder or missing.
 */
export function providerPathProbe(fileSystem: FileSystemProvider): PathProbe {
    return {
        realRoot: root => root,
        entry: uri => {
            try {
                const stat = fileSystem.statSync(uri);
                return stat.isDirectory ? 'directory' : 'file';
            } catch {
                return undefined; // not found, or a file system without synchronous access
            }
        },
        readLink: () => {
            throw new Error('no symbolic links on this file system');
        },
        isAbsolute: target => target.startsWith('/'),
        splitLink: target => target.split('/')
    };
}

/** The probe for the file system the services were created with: the real disk's own, or the provider's. */
export function pathProbeFor(fileSystem: FileSystemProvider): PathProbe {
    return fileSystem instanceof NodeFileSystemProvider ? NODE_PATH_PROBE : providerPathProbe(fileSystem);
}
