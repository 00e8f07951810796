import { URI } from 'langium';
import { VirtualFileSystemProvider } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import { resolvePolicyPath } from '../language/util/policy-paths.js';
import { CLEAN_POLICY, where } from './helpers.js';

const ROOT = URI.parse('file:///ws');

describe('resolvePolicyPath', () => {
    it.each([
        ['docs/roles/ciso.md', 'docs/roles/ciso.md'],
        ['./docs/../docs/roles/ciso.md', 'docs/roles/ciso.md'],
        ['docs\\roles\\ciso.md', 'docs/roles/ciso.md'],
        ['/ws/evidence/minutes.pdf', 'evidence/minutes.pdf'],
        ['minutes.pdf', 'minutes.pdf']
    ])('keeps %s inside the workspace as %s', (text, relative) => {
        expect(resolvePolicyPath(text, ROOT)).toMatchObject({ kind: 'inside', relative });
    });

    it.each(['../secrets.txt', 'docs/../../etc/passwd', '/etc/passwd', '/ws/../etc/passwd', '/wsx/file.pdf', 'C:\\Windows\\win.ini'])(
        'rejects %s as outside the workspace', text => {
            expect(resolvePolicyPath(text, ROOT).kind).toBe('outside');
        });

    it.each(['HR-1234', 'Board minutes 2022-03-15, item 4', 'Runbook v2.1', 'https://intranet.example/news/42', 'LMS record 10088'])(
        'treats %s as a reference, not a path', text => {
            expect(resolvePolicyPath(text, ROOT).kind).toBe('reference');
        });

    // A reference without `/`, `\\`, `.`, `:` or `%` is told at once; text with any of them is still decoded first.
    it.each([
        ['minutes%2Fboard', 'inside'], ['evidence%5Cminutes', 'inside'], ['%2e%2e%2fsecrets', 'outside'], ['file:minutes', 'outside'],
        ['~%2Fnotes', 'outside'], ['HR 12\u0000', 'reference'], ['~', 'reference'], ['', 'reference']
    ])('classifies %s as %s', (text, kind) => {
        expect(resolvePolicyPath(text, ROOT).kind).toBe(kind);
    });
});

async function checkOnDisk(files: Record<string, string>, disk: Record<string, string> = {}) {
    const fileSystem = new VirtualFileSystemProvider();
    for (const [name, text] of Object.entries({ ...files, ...disk })) fileSystem.insert(`file:///ws/${name}`, text);
    const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
    return (await checkSources(sources, { asOf: '2025-06-30', roots: ['file:///ws'], fileSystem: () => fileSystem })).findings;
}

const withEvidence = (evidence: string) => ({
    ...CLEAN_POLICY,
    'people.mandate': CLEAN_POLICY['people.mandate'].replace('"minutes/2024-02-board.pdf"', JSON.stringify(evidence))
});

describe('path-outside-workspace and evidence-missing', () => {
    it('accept evidence that exists in the workspace', async () => {
        expect(await checkOnDisk(withEvidence('minutes/2024-02-board.pdf'), { 'minutes/2024-02-board.pdf': '%PDF' })).toEqual([]);
    });
    it('warn about evidence that does not exist', async () => {
        const findings = await checkOnDisk(withEvidence('minutes/2024-02-board.pdf'));
        expect(where(findings, 'evidence-missing')).toEqual(['people.mandate:7']);
        expect(findings[0].severity).toBe('warning');
    });
    it('reject a path that escapes the workspace, and never look it up', async () => {
        const findings = await checkOnDisk(withEvidence('../outside/minutes.pdf'), { '../outside/minutes.pdf': 'x' });
        expect(where(findings, 'path-outside-workspace')).toEqual(['people.mandate:7']);
        expect(where(findings, 'evidence-missing')).toEqual([]);
    });
    it('check job descriptions too', async () => {
        const files = { ...withEvidence('HR-1234'), 'roles.mandate': CLEAN_POLICY['roles.mandate'].replace('designated CISO', 'designated CISO\n    job description "docs/ciso.md"') };
        expect(where(await checkOnDisk(files), 'evidence-missing')).toEqual(['roles.mandate:4']);
        expect(await checkOnDisk(files, { 'docs/ciso.md': '# CISO' })).toEqual([]);
    });
    it('skip paths when no workspace folder is known', async () => {
        const sources = Object.entries(withEvidence('/etc/passwd')).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
        expect((await checkSources(sources, { asOf: '2025-06-30' })).findings).toEqual([]);
    });
});
