import { EmptyFileSystem } from 'langium';
import { expectCompletion, parseHelper } from 'langium/test';
import { beforeAll, describe, expect, it } from 'vitest';
import { CompletionItemKind, type CompletionList } from 'vscode-languageserver';
import type { Model } from '../language/generated/ast.js';
import { createMandateServices, type MandateServices } from '../language/mandate-module.js';
import { ACTIVITIES } from '../language/standards/activities.js';
import { REQUIREMENTS } from '../language/standards/catalogue.js';

const TOP_LEVEL_KEYWORDS = ['appointing', 'assign', 'authority', 'completed', 'conflict', 'delegate', 'organization', 'person', 'responsibility', 'role', 'training'];

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
    `, { documentUri: 'file:///ws/declarations.mandate' });
});

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

    it('offers snippets for a role, a CISO role and an assignment with its announcement', async () => {
        await complete({
            text: '<|>', index: 0, disposeAfterCheck: true,
            assert: list => {
                const snippets = list.items.filter(item => item.kind === CompletionItemKind.Snippet);
                expect(snippets.map(item => item.label).sort()).toEqual(['assign', 'person', 'role', 'role ciso']);
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

    it('offers every catalogue requirement, with its title, after satisfies', async () => {
        await complete({
            text: 'responsibility r "R" { satisfies <|> }', index: 0, disposeAfterCheck: true,
            assert: list => {
                expect(labels(list)).toEqual(REQUIREMENTS.map(requirement => requirement.id).sort());
                const reporting = list.items.find(item => item.label === 'ISO27001:5.3(b)');
                expect(reporting?.detail).toMatch(/report ISMS performance/i);
            }
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
            assert: list => expect(labels(list, CompletionItemKind.Keyword)).toEqual(
                ['accountable', 'authorized', 'consulted', 'deputy', 'description', 'designated', 'informed', 'job', 'key', 'reports', 'requires', 'responsible', 'single'])
        });
    });
});
