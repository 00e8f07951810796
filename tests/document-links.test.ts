import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentLink } from 'vscode-languageserver';
import { createMandateServices } from '../language/mandate-module.js';

// Each path on its own line, so a link tells by its line which path it is.
const PATHS = [
    'docs/ciso.md',            // a file in the workspace: linked
    'evidence/board.pdf',      // another: linked
    'evidence/missing.pdf',    // missing: no link
    'evidence/out.pdf',        // a symbolic link that leads outside: no link
    'evidence/inside-link.pdf', // a symbolic link to a file inside: linked, to the path as written
    '../outside/secret.pdf',   // climbs out: no link
    'docs',                    // a folder: no link
    'HR-1234',                 // a reference, not a path: no link
    'https://intranet.example/minutes.pdf' // a URL is a reference too: the editor links URLs itself
];

const POLICY = `role ciso "Chief Information Security Officer" {
    job description "${PATHS[0]}"
}
person jane "Jane Doe"
assign jane to ciso since 2024-03-01 {
${PATHS.slice(1).map(text => `    evidence "${text}"`).join('\n')}
}
`;

let base: string;
let root: string;
let links: DocumentLink[];

beforeAll(async () => {
    base = await realpath(await mkdtemp(path.join(tmpdir(), 'mandate-links-')));
    root = path.join(base, 'ws');
    await mkdir(path.join(base, 'outside'), { recursive: true });
    await mkdir(path.join(root, 'docs'), { recursive: true });
    await mkdir(path.join(root, 'evidence'), { recursive: true });
    await writeFile(path.join(base, 'outside', 'secret.pdf'), 'outside');
    await writeFile(path.join(root, 'docs', 'ciso.md'), '# CISO');
    await writeFile(path.join(root, 'evidence', 'board.pdf'), '%PDF');
    await symlink('../../outside/secret.pdf', path.join(root, 'evidence', 'out.pdf'));
    await symlink('board.pdf', path.join(root, 'evidence', 'inside-link.pdf'));
    await writeFile(path.join(root, 'policy.mandate'), POLICY);
    const { shared } = createMandateServices(NodeFileSystem);
    await shared.workspace.WorkspaceManager.initializeWorkspace([{ name: 'ws', uri: URI.file(root).toString() }]);
    const document = shared.workspace.LangiumDocuments.getDocument(URI.file(path.join(root, 'policy.mandate')))!;
    const services = shared.ServiceRegistry.getServices(document.uri) as LangiumServices;
    links = await services.lsp.DocumentLinkProvider!.getDocumentLinks(document, { textDocument: { uri: document.uri.toString() } });
});

afterAll(async () => {
    if (base) await rm(base, { recursive: true, force: true });
});

/** The path text a link covers. */
function textOf(link: DocumentLink): string {
    const line = POLICY.split('\n')[link.range.start.line];
    return line.slice(link.range.start.character, link.range.end.character);
}

describe('document links', () => {
    it('link only the paths of existing files inside the workspace', () => {
        expect(links.map(textOf)).toEqual(['docs/ciso.md', 'evidence/board.pdf', 'evidence/inside-link.pdf']);
    });
    it('point at the file in the workspace folder', () => {
        expect(links.map(link => URI.parse(link.target!).fsPath)).toEqual([
            path.join(root, 'docs', 'ciso.md'), path.join(root, 'evidence', 'board.pdf'), path.join(root, 'evidence', 'inside-link.pdf')
        ]);
        expect(links[0].tooltip).toBe('Open docs/ciso.md');
    });
    it('give no link for a symbolic link that leads outside the workspace', () => {
        expect(links.map(textOf)).not.toContain('evidence/out.pdf');
        expect(links.some(link => link.target?.includes('outside'))).toBe(false);
    });
});
