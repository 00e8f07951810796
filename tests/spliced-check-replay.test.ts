/**
 * A statement of a large file parsed again alone (language/statement-edit/) gives a new tree that
 * keeps the file's other statements. Their node checks are not run again: what they found is
 * replayed (CheckReplay.findSpliced), and only the file's own checks and the new statement's run.
 * The findings must be those of a cold build, in the same order, wherever they lie: before the
 * edited statement, after it (moved in the text), and in it.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { afterEach, describe, expect, it } from 'vitest';
import { generateBigFile } from '../bench/generate-workspace.js';
import { splicedChecks } from '../language/mandate-check-replay.js';
import { statementReparse } from '../language/statement-edit/statement-reparse.js';
import { Workspace } from './workspace-helpers.js';

const MIN_LENGTH = statementReparse.minLength;

/** The people file with node-check findings in statements far apart: an impossible date, a repeated item, a date in the future, a path. */
function peopleWithFindings(): Record<string, string> {
    const files = generateBigFile(12, 20);
    let text = files['people.mandate'];
    const replaceIn = (statement: string, old: string, now: string) => {
        const at = text.indexOf(old, text.indexOf(statement));
        text = text.slice(0, at) + now + text.slice(at + old.length);
    };
    replaceIn('person p-1-0 ', 'employed since 2021-01-01', 'employed since 2021-02-30');
    replaceIn('person p-6-0 ', 'job title "Engineer"', 'job title "Engineer"\n    job title "Senior engineer"');
    replaceIn('completed tooling-11 by p-11-3 ', 'on 2025-03-', 'on 2031-03-');
    // Checked against the disk on every validation: the replay runs it again, on the node it moved to.
    replaceIn('assign p-10-2 ', 'evidence "HR-10-2"', 'evidence "../outside/HR-10-2.pdf"');
    return { ...files, 'people.mandate': text };
}

/** A document's findings in the order it has them: place, rule and message. */
function findingsOf(workspace: Workspace): string[] {
    const document = workspace.shared.workspace.LangiumDocuments.getDocument(workspace.uri('people.mandate'))!;
    return (document.diagnostics ?? []).map((diagnostic: Diagnostic) =>
        `${diagnostic.range.start.line}:${diagnostic.range.start.character}-${diagnostic.range.end.line}:${diagnostic.range.end.character} ${String(diagnostic.code)} ${diagnostic.message}`);
}

describe('node checks of a spliced tree', () => {
    afterEach(() => { statementReparse.minLength = MIN_LENGTH; });

    it('replays the kept statements\' findings and checks the new statement: the findings of a cold build, in order', async () => {
        statementReparse.minLength = 64 * 1024;
        const files = peopleWithFindings();
        const workspace = await Workspace.open(files);
        const rules = new Set(findingsOf(workspace).map(line => line.split(' ')[1]));
        for (const rule of ['date-invalid', 'property-repeated', 'date-in-future', 'path-outside-workspace']) expect(rules.has(rule), rule).toBe(true);
        let text = files['people.mandate'];
        const replaceAfter = (statement: string, old: string, now: string) => {
            const at = text.indexOf(old, text.indexOf(statement));
            expect(at, `${statement} ${old}`).toBeGreaterThan(0);
            return text.slice(0, at) + now + text.slice(at + old.length);
        };
        const edits: Array<[string, () => string]> = [
            // More nodes than before (a duty), between the findings: the nodes after it move in the tree's list.
            ['a duty added to a role', () => replaceAfter('role r-3-2 ', 'accountable for duty-3-2', 'accountable for duty-3-2 consulted on duty-3-1')],
            ['more evidence for a completion', () => replaceAfter('completed security-awareness by p-3-2 ', '"LMS 3-2"', '"LMS 3-2" evidence "Certificate"')],
            ['a title made longer', () => replaceAfter('role r-4-4 ', '"Role 4-4"', '"Role 4-4, acting for the team lead"')],
            ['an impossible date typed in the edited statement', () => replaceAfter('assign p-8-1 ', 'since 2022-01-01', 'since 2022-02-31')],
            ['the date put right', () => replaceAfter('assign p-8-1 ', 'since 2022-02-31', 'since 2022-02-28')],
            ['the statement holding a finding edited', () => replaceAfter('person p-6-0 ', '"Senior engineer"', '"Staff engineer"')],
            ['the first statement with a finding edited', () => replaceAfter('person p-1-0 ', '"Person 1-0"', '"Person one"')],
            ['less evidence', () => replaceAfter('completed security-awareness by p-3-2 ', ' evidence "Certificate"', '')],
            ['fewer nodes than before', () => replaceAfter('role r-3-2 ', ' consulted on duty-3-1', '')]
        ];
        for (const [label, make] of edits) {
            const [spliced, replayed] = [statementReparse.spliced, splicedChecks.replayed];
            text = make();
            await workspace.burst([['people.mandate', text]]);
            expect(statementReparse.spliced, label).toBe(spliced + 1);
            expect(splicedChecks.replayed, label).toBe(replayed + 1);
            const cold = await Workspace.open({ ...files, 'people.mandate': text });
            expect(findingsOf(workspace), label).toEqual(findingsOf(cold));
        }
    });

    it('validates a file with policy tests whole: a test\'s checks compare it with the file\'s other tests', async () => {
        statementReparse.minLength = 0;
        const tests = 'test "first" {\n    expect holders of ciso include chief\n}\ntest "second" {\n    expect holders of ciso include chief\n}\n';
        const files = generateBigFile(1, 3);
        const text = `${files['people.mandate']}${tests}`;
        const workspace = await Workspace.open({ ...files, 'people.mandate': text });
        const replayed = splicedChecks.replayed;
        const spliced = statementReparse.spliced;
        // The first test's title made the second's: a duplicate title, found on the second test, which was not edited.
        const edited = text.replace('test "first"', 'test "second"');
        await workspace.burst([['people.mandate', edited]]);
        const cold = await Workspace.open({ ...files, 'people.mandate': edited });
        expect(findingsOf(workspace)).toEqual(findingsOf(cold));
        expect(statementReparse.spliced).toBe(spliced + 1);
        expect(splicedChecks.replayed).toBe(replayed);
    });
});
