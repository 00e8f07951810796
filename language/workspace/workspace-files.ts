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
