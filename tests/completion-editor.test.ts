/**
 * Completion as an editor user meets it (issue 12): the list opens on a space after a keyword
 * that takes a name and stays shut (answering at once) after any other space; keywords come as
 * the phrases the grammar requires; audiences and channels are offered where they go, never
 * grammar keywords where a name goes; and a name's item says what it is on the as-of date.
 */
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { expectCompletion, parseHelper } from 'langium/test';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CompletionItemKind, CompletionTriggerKind, type CompletionList } from 'vscode-languageserver';
import type { Model } from '../language/generated/ast.js';
import { resolveCompletionItem } from '../language/lsp/completion-documentation.js';
import { MandateCompletionProvider } from '../language/lsp/mandate-completion-provider.js';
import { SNIPPETS } from '../language/lsp/snippets.js';
import { createMandateServices, type MandateServices } from '../language/mandate-module.js';
import { FRAMEWORKS } from '../language/standards/catalogue.js';

let services: MandateServices;
let complete: ReturnType<typeof expectCompletion>;
let parse: ReturnType<typeof parseHelper<Model>>;

beforeAll(async () => {
    services = createMandateServices(EmptyFileSystem).Mandate;
    services.shared.mandate.Settings.setAsOf('2025-06-30');
    complete = expectCompletion(services);
    parse = parseHelper<Model>(services);
    await parse(`
        role board "Board of Directors"
        // Owns the ISMS day to day.
        role ciso "Chief Information Security Officer"
        role dpo "Data Protection Officer"
        person jane "Jane Doe" { employed since 2020-01-01 }
        person omar "Omar Haddad" { employed since 2019-01-01 until 2025-03-31 }
        person nina "Nina Berg" { employed since 2025-09-01 }
        assign jane to ciso since 2024-03-01 appointed by board {
            announced 2024-03-05 via slack to security-team
        }
        assign omar to dpo since 2020-01-01
        responsibility isms-reporting "Report ISMS performance"
    `, { documentUri: 'file:///ws/declarations.mandate' });
});

const labels = (list: CompletionList, kind?: CompletionItemKind) =>
    list.items.filter(item => kind === undefined || item.kind === kind).map(item => item.label).sort();

const provider = () => services.lsp.CompletionProvider as MandateCompletionProvider;

/** Completion at the end of `text`, as the editor asks for it when `character` was typed. */
let edits = 0;
async function typed(text: string, character: string): Promise<{ list: CompletionList | undefined; document: LangiumDocument }> {
    const document = await parse(text, { documentUri: `file:///ws/editing-${++edits}.mandate` });
    try {
        const list = await provider().getCompletion(document, {
            textDocument: { uri: document.textDocument.uri }, position: document.textDocument.positionAt(text.length),
            context: { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: character }
        });
        return { list, document };
    } finally {
        await services.shared.workspace.DocumentBuilder.update([], [document.uri]);
    }
}

afterEach(() => {
    vi.restoreAllMocks();
});

describe('trigger characters', () => {
    it('are advertised: a space and the colon of a requirement ID', () => {
        expect(provider().completionOptions?.triggerCharacters).toEqual([' ', ':']);
    });

    it('open the list after a space that follows a keyword taking a name', async () => {
        const cases: Array<[text: string, expected: string[]]> = [
            ['assign ', ['jane', 'nina', 'omar']],
            ['assign jane to ', ['board', 'ciso', 'dpo']],
            ['role r "R" { reports to ', ['board', 'ciso', 'dpo']],
            ['role r "R" { responsible for ', ['isms-reporting']],
            ['delegate isms-reporting from ', ['board', 'ciso', 'dpo']],
            ['conflict between ', ['board', 'ciso', 'dpo', 'isms-reporting']]
        ];
        for (const [text, expected] of cases) {
            const { list } = await typed(text, ' ');
            expect(labels(list!), text).toEqual(expected);
        }
        const { list } = await typed('responsibility r "R" { satisfies ISO27001:', ':');
        expect(labels(list!)).toContain('ISO27001:5.3(b)');
    });

    it('offer the rule IDs after `expect finding` and `// mandate-ignore`, and the statuses after `is`', async () => {
        const finding = (await typed('test "t" on 2025-06-30 {\n    expect finding ', ' ')).list!;
        expect(labels(finding)).toEqual(expect.arrayContaining(['ciso-vacant', 'date-invalid', 'linking-error']));
        expect(finding.items.find(item => item.label === 'ciso-vacant')?.detail).toMatch(/CISO/);
        const absent = (await typed('test "t" on 2025-06-30 {\n    expect no finding ', ' ')).list!;
        expect(labels(absent)).toContain('ciso-vacant');
        const status = (await typed('test "t" on 2025-06-30 {\n    expect status of ISO27001:5.3 is ', ' ')).list!;
        expect(labels(status)).toEqual(['met', 'not-applicable', 'not-met', 'partly-met']);
        const suppression = (await typed('// mandate-ignore ', ' ')).list!;
        expect(labels(suppression)).toEqual(expect.arrayContaining(['ciso-vacant', 'date-invalid']));
        expect(labels(suppression)).not.toContain('linking-error');
        // The word typed is replaced; a second rule after a comma too; nothing past the colon, where the justification goes.
        const second = (await typed('// mandate-ignore ciso-vacant, date-in', 'n')).list!;
        const item = second.items.find(entry => entry.label === 'date-invalid')!;
        expect(item.textEdit).toMatchObject({ range: { start: { line: 0, character: 31 }, end: { line: 0, character: 38 } }, newText: 'date-invalid' });
        expect((await typed('// mandate-ignore ciso-vacant: nobody ', ' ')).list?.items).toEqual([]);
    });

    it('answer with nothing, before any parsing, after a space where no name follows', async () => {
        const spy = vi.spyOn(MandateCompletionProvider.prototype as unknown as { buildContexts: () => unknown }, 'buildContexts');
        for (const text of [
            'person ', 'role r "Chief ', 'role r "R" {\n    ', 'role r "R" { reports ', 'role r "R" { requires deputy ', 'assign jane to ciso since 2024-01-01 ',
            '// see the assign ', 'person p "P" { job title "Head of ', 'responsibility r "R" { satisfies ISO27001:5.3(a), ISO27001:A.5.1 '
        ]) {
            const { list } = await typed(text, ' ');
            expect(list?.items, JSON.stringify(text)).toEqual([]);
        }
        const { list } = await typed('person p "P" { email "jane:', ':');
        expect(list?.items).toEqual([]);
        expect(spy).not.toHaveBeenCalled();
    });

    it('still complete after a comma of a list, and when asked for with Ctrl+Space', async () => {
        const { list } = await typed('role r "R" { responsible for isms-reporting, ', ' ');
        expect(labels(list!)).toEqual(['isms-reporting']);
        await complete({
            text: 'person p "P" { <|> }', index: 0, disposeAfterCheck: true,
            assert: result => expect(labels(result, CompletionItemKind.Keyword)).toEqual(['email', 'employed since', 'engaged since', 'external', 'job title'])
        });
    });
});

describe('phrases', () => {
    it('complete the keywords the grammar requires together', async () => {
        const cases: Array<[text: string, phrase: string]> = [
            ['organization o "O" { <|> }', 'top management'],
            ['authority a "A" { <|> }', 'may appoint'],
            ['appointing body b "B" { <|> }', 'may appoint'],
            ['role r "R" { <|> }', 'designated CISO'],
            ['role r "R" { <|> }', 'job description'],
            ['assign jane to ciso since 2024-01-01 <|>', 'appointed by'],
            ['claims ISO27001 { <|> }', 'not applicable'],
            ['conflict between a and b { <|> }', 'compensated by']
        ];
        for (const [text, phrase] of cases) {
            await complete({ text, index: 0, disposeAfterCheck: true, assert: list => expect(labels(list, CompletionItemKind.Keyword), text).toContain(phrase) });
        }
    });

    it('offer the rest of a phrase once its first word is written', async () => {
        await complete({
            text: 'role r "R" { designated <|> }', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list, CompletionItemKind.Keyword)).toEqual(['CISO', 'ISMS owner', 'internal auditor'])
        });
    });
});

describe('snippets', () => {
    it('are offered only where a declaration starts', async () => {
        await complete({
            text: 'role r "R" { requires <|> }', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list, CompletionItemKind.Snippet)).toEqual([])
        });
    });

    it('carry the CISO job description as a doc comment and duties, and placeholder dates', () => {
        const ciso = SNIPPETS.find(snippet => snippet.label === 'role ciso')!.body;
        expect(ciso.startsWith('// CISO job description:')).toBe(true);
        for (const duty of ['security-policy', 'isms-reporting', 'incident-management', 'technical-measures', 'awareness-training', 'threat-monitoring', 'risk-assessment', 'iso-compliance']) {
            expect(ciso).toMatch(new RegExp(`^responsibility ${duty} "`, 'm'));
        }
        expect(ciso).toContain('report them to the security committee and top management');
        for (const snippet of SNIPPETS) expect(snippet.body, snippet.label).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    });
});

describe('values where a name goes', () => {
    const announcing = 'assign jane to ciso since 2024-03-01 { announced 2024-03-05 via intranet to <|> }';

    it('offers audiences after `announced … to`: those used elsewhere, everyone, all staff and the roles; no keywords', async () => {
        await complete({
            text: announcing, index: 0, disposeAfterCheck: true,
            assert: list => {
                expect(labels(list)).toEqual(['all-staff', 'board', 'ciso', 'dpo', 'everyone', 'security-team']);
                expect(list.items.filter(item => item.kind === CompletionItemKind.Keyword)).toEqual([]);
            }
        });
    });

    it('replaces the opening quote of an audience typed in quotes, so the text stays one quoted audience', async () => {
        // An audience in quotes used elsewhere, and the announcement being written.
        const used = 'assign omar to board since 2020-01-01 { announced 2020-01-02 via email to "Security Committee" }\n';
        for (const [text, after] of [[`${used}assign jane to ciso since 2024-03-01 {\n announced 2024-03-05 via intranet to "Sec<|>\n}`, '\n}'], [`${used}assign jane to ciso since 2024-03-01 { announced 2024-03-05 via intranet to "Sec<|>" }`, ' }']] as const) {
            await complete({
                text, index: 0, disposeAfterCheck: true,
                assert: list => {
                    const item = list.items.find(entry => entry.label === 'Security Committee')!;
                    expect(item, text).toBeDefined();
                    const source = text.replace('<|>', '');
                    const edit = item.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
                    const offset = (position: { line: number; character: number }) => source.split('\n').slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
                    const result = source.slice(0, offset(edit.range.start)) + edit.newText + source.slice(offset(edit.range.end));
                    expect(result).toBe(`${source.slice(0, source.lastIndexOf('"Sec'))}"Security Committee"${after}`);
                }
            });
        }
    });

    it('offers at most 100 audiences, those the typed text starts first, and marks a longer list incomplete', async () => {
        // Every role is an audience: a large workspace has thousands.
        const teams = await parse(Array.from({ length: 150 }, (_, index) => `role team-${index} "Team ${index}"`).join('\n'), { documentUri: 'file:///ws/teams.mandate' });
        try {
            await complete({
                text: announcing, index: 0, disposeAfterCheck: true,
                assert: list => {
                    expect(list.items).toHaveLength(100);
                    expect(list.isIncomplete).toBe(true);
                    // The audiences used elsewhere and the usual ones keep their place before the roles.
                    expect(list.items.slice(0, 3).map(item => item.label)).toEqual(['security-team', 'everyone', 'all-staff']);
                }
            });
            await complete({
                text: announcing.replace('<|>', 'team-14<|>'), index: 0, disposeAfterCheck: true,
                assert: list => {
                    const starting = ['team-14', ...Array.from({ length: 10 }, (_, index) => `team-14${index}`)];
                    expect(list.items.slice(0, starting.length).map(item => item.label)).toEqual(starting);
                    expect(list.items.length).toBeLessThanOrEqual(100);
                    expect(list.isIncomplete).toBe(false);
                }
            });
        } finally {
            await services.shared.workspace.DocumentBuilder.update([], [teams.uri]);
        }
    });

    it('offers the channels used in the workspace and the common ones after via', async () => {
        await complete({
            text: 'assign jane to ciso since 2024-03-01 { announced 2024-03-05 via <|> }', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list)).toEqual(expect.arrayContaining(['slack', 'intranet', 'email', 'all-hands', 'newsletter']))
        });
    });

    it('offers nothing in a // comment, asked for with Ctrl+Space: at the top level, in a block, after code', async () => {
        for (const text of ['// comment <|>', 'role x "X" {\n    // comment <|>\n}', 'assign jane to ciso since 2024-01-01 // note <|>', 'role y "Y // not a comment" {\n    // <|>\n}']) {
            await complete({ text, index: 0, disposeAfterCheck: true, assert: list => expect(labels(list), text).toEqual([]) });
        }
        // A `//` inside a title is not a comment: completion goes on after it.
        await complete({ text: 'role y "Y // z" { reports to <|> }', index: 0, disposeAfterCheck: true, assert: list => expect(labels(list)).toContain('board') });
    });

    it('offers no grammar keywords where a new name is written', async () => {
        for (const text of ['role <|>', 'person <|>', 'training <|>', 'appointing body <|>']) {
            await complete({ text, index: 0, disposeAfterCheck: true, assert: list => expect(labels(list), text).toEqual([]) });
        }
    });

    it('offers the frameworks after claims', async () => {
        await complete({
            text: 'claims <|>', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list)).toEqual(FRAMEWORKS.map(framework => framework.prefix).sort())
        });
    });
});

describe('as-of status in the item detail', () => {
    it('says who left or has not joined, which roles are vacant, and who holds the others', async () => {
        await complete({
            text: 'assign <|>', index: 0, disposeAfterCheck: true,
            assert: list => {
                const detail = (label: string) => list.items.find(item => item.label === label)?.detail;
                expect(detail('jane')).toBe('Jane Doe');
                expect(detail('omar')).toBe('Omar Haddad (left 2025-03-31)');
                expect(detail('nina')).toBe('Nina Berg (joins 2025-09-01)');
            }
        });
        await complete({
            text: 'assign jane to <|>', index: 0, disposeAfterCheck: true,
            assert: list => {
                const detail = (label: string) => list.items.find(item => item.label === label)?.detail;
                expect(detail('ciso')).toBe('Chief Information Security Officer (Jane Doe)');
                // The doc comment above the declaration, as in hovers, read when the editor shows the item.
                const ciso = list.items.find(item => item.label === 'ciso')!;
                const dpo = list.items.find(item => item.label === 'dpo')!;
                expect(ciso.documentation).toBeUndefined();
                expect(resolveCompletionItem(services.shared, ciso).documentation).toEqual({ kind: 'markdown', value: 'Owns the ISMS day to day.' });
                expect(resolveCompletionItem(services.shared, dpo).documentation).toBeUndefined();
                // What a client sends back is only trusted as far as it names a node of a document.
                for (const data of [undefined, 'x', { declaration: { uri: 'file:///ws/none.mandate', path: '/statements@1' } },
                    { declaration: { uri: 'file:///ws/declarations.mandate', path: '/__proto__' } }, { declaration: { uri: 'file:///ws/declarations.mandate', path: '/statements@99' } }]) {
                    expect(resolveCompletionItem(services.shared, { ...ciso, data })).toEqual({ ...ciso, data });
                }
                // Omar's assignment runs on, but he left on 2025-03-31: the role is vacant (tenure.ts).
                expect(detail('dpo')).toBe('Data Protection Officer (vacant)');
                expect(detail('board')).toBe('Board of Directors (vacant)');
            }
        });
    });
});
