import type { URI } from 'langium';

/**
 * Whether a document with this URI is a file of the workspace, and so may be part of the policy.
 * An editor also opens copies of files: the left side of a git diff (`git:`, whose path is the
 * real file's), a rename or refactoring preview (`vscode-bulkeditpreview-editor:`), a file at
 * another commit, an untitled buffer. Checked as policy, every name in such a copy was a duplicate
 * of itself, and closing it kept it (read again from the file at its path). Files are `file:` URIs,
 * or URIs of a workspace folder's own scheme (a virtual workspace, e.g. `vscode-vfs:` on the web).
 */
export function isWorkspaceFile(uri: URI, workspaceRoots: readonly URI[]): boolean {
    return uri.scheme === 'file' || workspaceRoots.some(root => root.scheme === uri.scheme);
}

/** Policy files are named `*.mandate`, as the start-up scan and the CLI find them. */
export function isPolicyFileName(uri: URI): boolean {
    return uri.path.endsWith('.mandate');
}

/**
 * Whether a document is policy: a file of the workspace named like one. An editor may open any
 * file with the Mandate language (a client sent `json` and `x`); checked as policy, it lived only
 * as long as its editor, and once closed no language could read it again, so every later build
 * failed on it and the requests waiting for a build were never answered (the stdio fuzz, seed 4622).
 */
export function isPolicyFile(uri: URI, workspaceRoots: readonly URI[]): boolean {
    return isWorkspaceFile(uri, workspaceRoots) && isPolicyFileName(uri);
}
