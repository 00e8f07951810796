import { EmptyFileSystem } from 'langium';
import { expectCompletion, parseHelper } from 'langium/test';
import { beforeAll, describe, expect, it } from 'vitest';
import { CompletionItemKind, type CompletionList } from 'vscode-languageserver';
import type { Model } from '../language/generated/ast.js';
import { REFERENCE_COMPLETION_CAP } from '../language/lsp/reference-candidates.js';
import { createMandateServices, type MandateServices } from '../language/mandate-module.js';
import { ACTIVITIES } from '../language/standards/activities.js';
import { FRAMEWORKS, REQUIREMENTS } from '../language/standards/catalogue.js';

// Keywords the grammar requires together come as one phrase (completion-phrases.ts).
const TOP_LEVEL_KEYWORDS = ['appointing body', 'assign', 'authority', 'claims', 'completed', 'conflict between', 'delegate', 'framework', 'organization', 'person', 'responsibility', 'role', 'test', 'training'];

let services: MandateServices;
let complete: ReturnType<typeof expectCompletion>;

beforeAll(async () => {
    services = createMandateServices(EmptyFileSystem).Mandate;
    complete = expectCompletion(services);
    // Another file of the same workspace: completion must offer its declarations too.
    await parseHelper<Model>(services)(`
        role board "Board of Directors"
        role ciso "Chief Information Security Officer"
        person jane "Jane Doe"
        person omar "Omar Haddad"
        responsibility isms-reporting "Report ISMS performance"
        framework ACME "Acme internal controls" {
            requirement ACME:AC-01 "Access rights are reviewed every quarter"
        }
    `, { documentUri: 'file:///ws/declarations.mandate' });
});

/** Labels in the order the editor shows them (by sortText). */
function inOrder(list: CompletionList): string[] {
    return [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map(item => item.label);
}

function labels(list: CompletionList, kind?: CompletionItemKind): string[] {
    return list.items.filter(item => kind === undefined || item.kind === kind).map(item => item.label).sort();
}

describe('completion', () => {
    it('offers the top-level keywords in an empty document', async () => {
        await complete({
            text: '<|>', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list, CompletionItemKind.Keyword)).toEqual(TOP_LEVEL_KEYWORDS)
        });
    });

    it('offers a snippet for every kind of declaration, an assignment with its announcement, a CISO role with its duties', async () => {
        await complete({
            text: '<|>', index: 0, disposeAfterCheck: true,
            assert: list => {
                const snippets = list.items.filter(item => item.kind === CompletionItemKind.Snippet);
                expect(snippets.map(item => item.label).sort()).toEqual([
                    'appointing body', 'assign', 'authority', 'claims', 'completed', 'conflict', 'delegate', 'framework', 'organization',
                    'person', 'person external', 'responsibility', 'role', 'role ciso', 'test', 'training'
                ]);
                const assign = snippets.find(item => item.label === 'assign');
                expect(assign?.insertText).toContain('announced');
                expect(snippets.find(item => item.label === 'role ciso')?.insertText).toContain('satisfies ISO27001:5.3(b)');
            }
        });
    });

    it('offers the declared people, with their names as detail, for the person of an assignment', async () => {
        await complete({
            text: 'assign <|>', index: 0, disposeAfterCheck: true,
            assert: list => {
                expect(labels(list)).toEqual(['jane', 'omar']);
                expect(list.items.find(item => item.label === 'jane')?.detail).toBe('Jane Doe');
            }
        });
    });

    it('offers roles only where a role is expected', async () => {
        await complete({
            text: 'assign jane to <|>', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list)).toEqual(['board', 'ciso'])
        });
    });

    it('offers roles and people where either may appoint', async () => {
        await complete({
            text: 'assign jane to ciso since 2024-01-01 appointed by <|>', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list)).toEqual(['board', 'ciso', 'jane', 'omar'])
        });
    });

    it('offers the frameworks first, then every requirement, with titles, after satisfies', async () => {
        await complete({
            text: 'responsibility r "R" { satisfies <|> }', index: 0, disposeAfterCheck: true,
            assert: list => {
                const prefixes = [...FRAMEWORKS.map(framework => framework.prefix), 'ACME'].map(prefix => `${prefix}:`);
                expect(inOrder(list).slice(0, prefixes.length)).toEqual(prefixes);
                expect(labels(list)).toEqual([...prefixes, ...REQUIREMENTS.map(requirement => requirement.id), 'ACME:AC-01'].sort());
                const reporting = list.items.find(item => item.label === 'ISO27001:5.3(b)');
                expect(reporting?.labelDetails?.description).toMatch(/report ISMS performance/i);
                expect(reporting?.detail).toBe('ISO/IEC 27001:2022');
                expect(list.items.find(item => item.label === 'ISO27001:')?.detail).toBe('ISO/IEC 27001:2022');
            }
        });
    });

    it('offers only the IDs of the framework, and the clause, typed so far', async () => {
        const ids = (prefix: string, clause = '') => REQUIREMENTS.filter(requirement => requirement.framework === prefix && requirement.clause.startsWith(clause)).map(requirement => requirement.id);
        const cases: Array<[typed: string, expected: string[]]> = [
            // A prefix with its colon, or half a clause, is no token yet; completion still knows a requirement is being written.
            ['ISO27001:', ids('ISO27001')],
            ['ISO27001:A.5', ids('ISO27001', 'A.5')],
            ['ISO27001:A.', ids('ISO27001', 'A.')],
            ['ISO27001:5.3(', ['ISO27001:5.3(a)', 'ISO27001:5.3(b)']],
            ['NIST-CSF:GV.RR-', ['NIST-CSF:GV.RR-01', 'NIST-CSF:GV.RR-02', 'NIST-CSF:GV.RR-03', 'NIST-CSF:GV.RR-04']],
            ['iso27001:a.5.3', ['ISO27001:A.5.3', ...ids('ISO27001', 'A.5.3').filter(id => id !== 'ISO27001:A.5.3')]],
            ['IS', ['ISO27001:', ...ids('ISO27001')]],
            ['ACME:', ['ACME:AC-01']],
            ['XYZ:', []]
        ];
        for (const [typed, expected] of cases) {
            await complete({
                text: `responsibility r "R" { satisfies ISO27001:5.3(a), ${typed}<|> }`, index: 0, disposeAfterCheck: true,
                assert: list => {
                    expect(inOrder(list), typed).toEqual(expected);
                    // The whole typed ID is replaced by the canonical one.
                    const start = 'responsibility r "R" { satisfies ISO27001:5.3(a), '.length;
                    for (const item of list.items) expect(item.textEdit && 'range' in item.textEdit ? item.textEdit.range.start.character : -1).toBe(start);
                }
            });
        }
        await complete({
            text: 'responsibility r "R" { satisfies ACME:<|> }', index: 0, disposeAfterCheck: true,
            assert: list => expect(list.items[0]?.labelDetails?.description).toBe('Access rights are reviewed every quarter')
        });
    });

    it('offers IDs by clause when no framework is typed, and requirements in a statement of applicability', async () => {
        await complete({
            text: 'responsibility r "R" { satisfies A.5.2<|> }', index: 0, disposeAfterCheck: true,
            assert: list => {
                expect(inOrder(list)).toEqual(REQUIREMENTS.filter(requirement => requirement.clause.startsWith('A.5.2')).map(requirement => requirement.id));
                expect(list.items.find(item => item.label === 'ISO27001:A.5.24')?.filterText).toBe('A.5.24');
            }
        });
        await complete({
            text: 'claims ISO27001 { not applicable ISO27001:A.7.1<|> }', index: 0, disposeAfterCheck: true,
            assert: list => expect(inOrder(list)).toEqual(['ISO27001:A.7.1', 'ISO27001:A.7.10', 'ISO27001:A.7.11', 'ISO27001:A.7.12', 'ISO27001:A.7.13', 'ISO27001:A.7.14'])
        });
        // Under `not applicable`, only the claimed framework's requirements: applicability-invalid rejects any other.
        await complete({
            text: 'claims ISO27001 {\n    not applicable <|>\n}', index: 0, disposeAfterCheck: true,
            assert: list => {
                expect(list.items.length).toBeGreaterThan(100);
                expect(labels(list).filter(label => !label.startsWith('ISO27001:'))).toEqual([]);
            }
        });
        await complete({
            text: 'claims SOC2 { not applicable CC1<|> }', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list).every(label => label.startsWith('SOC2:CC1'))).toBe(true)
        });
        // A list of other names is not a requirement list, and a framework's own new ID is not completed.
        await complete({
            text: 'role r "R" { responsible for isms-reporting, IS<|> }', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list).filter(label => label.includes(':'))).toEqual([])
        });
        await complete({
            text: 'framework ACME "Acme" { requirement ACME:A<|> }', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list)).toEqual([])
        });
    });

    it('offers known channels after via', async () => {
        await complete({
            text: 'assign jane to ciso since 2024-01-01 { announced 2024-01-02 via <|> }', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list)).toEqual(expect.arrayContaining(['intranet', 'email', 'all-hands', 'org-chart']))
        });
    });

    it('offers the activity catalogue, with titles and in catalogue order, after activity', async () => {
        for (const text of ['responsibility r "R" { activity <|> }', 'authority a "A" { activity <|> }']) {
            await complete({
                text, index: 0, disposeAfterCheck: true,
                assert: list => {
                    expect(labels(list)).toEqual(ACTIVITIES.map(activity => activity.id).sort());
                    expect(list.items.find(item => item.label === 'approve-access')?.detail).toMatch(/approve access/i);
                    const ordered = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map(item => item.label);
                    expect(ordered).toEqual(ACTIVITIES.map(activity => activity.id));
                }
            });
        }
        await complete({
            text: 'responsibility r "R" { activity appr<|> }', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list)).toContain('approve-access')
        });
    });

    it('offers keywords in context inside a role block', async () => {
        await complete({
            text: 'role r "R" { <|> }', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list, CompletionItemKind.Keyword)).toEqual([
                'accountable for', 'authorized to', 'consulted on', 'deputy', 'description', 'designated CISO', 'designated ISMS owner',
                'designated internal auditor', 'informed of', 'job description', 'key role', 'reports to', 'requires deputy', 'requires training',
                'responsible for', 'single holder'
            ])
        });
    });
});

describe('completion of names in a large workspace', () => {
    const PEOPLE = 300;
    let large: MandateServices;
    let completeLarge: ReturnType<typeof expectCompletion>;

    beforeAll(async () => {
        large = createMandateServices(EmptyFileSystem).Mandate;
        completeLarge = expectCompletion(large);
        const people = Array.from({ length: PEOPLE }, (_, index) => `person p-${index} "Person ${index}"`);
        await parseHelper<Model>(large)(`role board "Board of Directors"\n${people.join('\n')}`, { documentUri: 'file:///ws/people.mandate' });
    });

    it(`offers at most ${REFERENCE_COMPLETION_CAP} names and marks the list incomplete past the cap, this file's names first`, async () => {
        await completeLarge({
            text: 'person here "Here"\nassign <|>', index: 0, disposeAfterCheck: true,
            assert: list => {
                expect(list.items).toHaveLength(REFERENCE_COMPLETION_CAP);
                expect(list.isIncomplete).toBe(true);
                expect(inOrder(list)[0]).toBe('here');
                expect(list.items.find(item => item.label === 'p-0')?.detail).toBe('Person 0');
            }
        });
    });

    it('offers only the names that match what is typed, those it starts first, and a complete list under the cap', async () => {
        await completeLarge({
            text: 'assign p-29<|>', index: 0, disposeAfterCheck: true,
            assert: list => {
                const starting = ['p-29', ...Array.from({ length: 10 }, (_, digit) => `p-29${digit}`)];
                expect(list.isIncomplete).toBe(false);
                expect(inOrder(list).slice(0, starting.length).sort()).toEqual(starting.sort());
                // Looser matches (the typed letters in order, as the editor matches them) follow; nothing else.
                const looser = inOrder(list).slice(starting.length);
                expect(looser).toContain('p-209');
                expect(looser.every(label => /^p-\d*2\d*9\d*$/.test(label))).toBe(true);
                expect(list.items.find(item => item.label === 'p-290')?.detail).toBe('Person 290');
            }
        });
    });

    it('keeps small lists complete, and requirement lists asked again as the ID is typed', async () => {
        await complete({
            text: 'assign <|>', index: 0, disposeAfterCheck: true,
            assert: list => expect(list.isIncomplete).toBe(false)
        });
        await complete({
            text: 'responsibility r "R" { satisfies ISO<|> }', index: 0, disposeAfterCheck: true,
            assert: list => expect(list.isIncomplete).toBe(true)
        });
    });
});

describe('completion in policy tests', () => {
    it('offers the expectations and what-if inside a test', async () => {
        await complete({
            text: 'test "t" on 2025-06-30 {\n    <|>\n}', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list, CompletionItemKind.Keyword)).toEqual(['expect', 'expect holders of', 'expect status of', 'expect who may appoint to', 'expect who may perform', 'when'])
        });
    });

    it('offers every kind of expectation after `expect`', async () => {
        await complete({
            text: 'test "t" on 2025-06-30 {\n    expect <|>\n}', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list, CompletionItemKind.Keyword)).toEqual(['finding', 'holders of', 'no', 'no findings', 'status of', 'who may appoint to', 'who may perform'])
        });
    });

    it('offers the roles after `holders of`, the people after `are`, and the set words', async () => {
        await complete({
            text: 'test "t" on 2025-06-30 {\n    expect holders of <|>\n}', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list, CompletionItemKind.Reference)).toEqual(['board', 'ciso'])
        });
        await complete({
            text: 'test "t" on 2025-06-30 {\n    expect holders of ciso <|>\n}', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list, CompletionItemKind.Keyword)).toEqual(['are', 'exclude', 'include', 'on'])
        });
        await complete({
            text: 'test "t" on 2025-06-30 {\n    expect holders of ciso are <|>\n}', index: 0, disposeAfterCheck: true,
            assert: list => {
                expect(labels(list, CompletionItemKind.Reference)).toEqual(['jane', 'omar']);
                expect(labels(list, CompletionItemKind.Keyword)).toEqual(['nobody']);
            }
        });
    });

    it('offers the person who leaves in a what-if', async () => {
        await complete({
            text: 'test "t" on 2025-06-30 {\n    when <|>\n}', index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list, CompletionItemKind.Reference)).toEqual(['jane', 'omar'])
        });
    });
});
