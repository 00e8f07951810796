import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, type ParseResult } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Model } from '../language/generated/ast.js';
import { createMandateServices } from '../language/mandate-module.js';
import { RULES } from '../language/rules/index.js';
import type { WorkspaceRule } from '../language/rules/rule.js';
import { afterEdit, fingerprintWalks, semanticFingerprint } from '../language/workspace/semantic-fingerprint.js';
import { readTextFolder } from './folder-helpers.js';
import { fuzzCase, regressionFixtures } from './fuzz/cases.js';
import { AS_OF, CLEAN_POLICY } from './helpers.js';
import { Random } from './random-edits.js';
import { Workspace } from './workspace-helpers.js';

/**
 * After an edit inside one value token, whether a rule reads the same of the file (WorkspaceRule.readsOf)
 * is told from the nodes that hold the token (ReadsOf.sameAfterTokenEdit), without working out what it
 * reads of the whole new tree. It may say "not the same" where the texts are (the rule then runs again
 * for nothing), never "the same" where they differ.
 */
const services = createMandateServices(EmptyFileSystem).Mandate;
const parse = (text: string) => services.parser.LangiumParser.parse<Model>(text);
const READING = RULES.filter((rule): rule is WorkspaceRule & Required<Pick<WorkspaceRule, 'readsOf'>> =>
    rule.scope === 'workspace' && rule.readsOf?.sameAfterTokenEdit !== undefined);
const ACME = readTextFolder(fileURLToPath(new URL('../examples/acme/', import.meta.url)), path => path.endsWith('.mandate'));
const TYPED = ['1', '0', '9', 'a', 'x', '-', ' ', 'é', 'а'];

/** The token edit that leads from `text` to `edited`, with both parses, when it is one. */
function tokenEdit(text: string, edited: string) {
    const before = parse(text);
    semanticFingerprint(before);
    const after = parse(edited);
    const edit = afterEdit(before, after)?.tokenEdit;
    return edit && { before, after, edit };
}

function unsound(before: ParseResult<Model>, after: ParseResult<Model>, edit: NonNullable<ReturnType<typeof tokenEdit>>['edit'], asOf: string): string[] {
    return READING.flatMap(rule => rule.readsOf.sameAfterTokenEdit!(edit, asOf) && rule.readsOf(before, asOf) !== rule.readsOf(after, asOf) ? [rule.id] : []);
}

describe('what a rule reads, after an edit inside one token', () => {
    it('is known for the rules that read less than a file says', () => {
        expect(READING.map(rule => rule.id)).toEqual(expect.arrayContaining(['confusable-name', 'duplicate-name', 'key-person-concentration', 'announcement-late']));
    });

    it('never says "the same" where the texts differ, on the example and the fuzz inputs', () => {
        const random = new Random(29);
        const problems: string[] = [];
        let edits = 0;
        let same = 0;
        const inputs = [{ id: 'acme', files: ACME }, ...regressionFixtures(), ...Array.from({ length: 150 }, (_, index) => fuzzCase(31, index))];
        for (const input of inputs) {
            for (const [file, text] of Object.entries(input.files)) {
                if (!file.endsWith('.mandate')) continue;
                for (let attempt = 0; attempt < 12; attempt++) {
                    const offset = random.int(text.length + 1);
                    const removed = random.chance(0.4) ? 1 : 0;
                    const edited = text.slice(0, offset) + random.pick(TYPED) + text.slice(offset + removed);
                    const found = tokenEdit(text, edited);
                    if (!found) continue;
                    edits++;
                    for (const asOf of [AS_OF, '2019-01-01']) {
                        const wrong = unsound(found.before, found.after, found.edit, asOf);
                        if (wrong.length > 0) problems.push(`${input.id} ${file} at ${offset} on ${asOf}: ${wrong.join(', ')}`);
                        same += READING.filter(rule => rule.readsOf.sameAfterTokenEdit!(found.edit, asOf)).length;
                    }
                }
            }
        }
        expect(problems.slice(0, 5)).toEqual([]);
        expect(edits).toBeGreaterThan(200);
        expect(same).toBeGreaterThan(edits);
    });

    it('is the same for an employment date that stays on the same side of the as-of date, and not once it crosses it', () => {
        const text = CLEAN_POLICY['people.mandate'];
        const moved = tokenEdit(text, text.replace('employed since 2020-01-01', 'employed since 2020-01-09'))!;
        expect(moved.edit.before.$type).toBe('Person');
        const keyPerson = READING.find(rule => rule.id === 'key-person-concentration')!;
        expect(READING.filter(rule => !rule.readsOf.sameAfterTokenEdit!(moved.edit, AS_OF))).toEqual([]);
        const crossed = tokenEdit(text, text.replace('employed since 2020-01-01', 'employed since 2030-01-01'))!;
        expect(keyPerson.readsOf.sameAfterTokenEdit!(crossed.edit, AS_OF)).toBe(false);
        expect(keyPerson.readsOf(crossed.before, AS_OF)).not.toBe(keyPerson.readsOf(crossed.after, AS_OF));
    });

    it('is not worked out again for a tree an undo parses from a text seen before', async () => {
        const people = CLEAN_POLICY['people.mandate'];
        const workspace = await Workspace.open(CLEAN_POLICY, AS_OF);
        const dated = (day: string) => people.replace('employed since 2020-01-01', `employed since 2020-01-${day}`);
        await workspace.write('people.mandate', dated('02'));
        await workspace.write('people.mandate', people);
        const walks = fingerprintWalks();
        // The undo's tree has the fingerprint of the text it restores: the next edit walks no tree for it.
        await workspace.write('people.mandate', dated('03'));
        await workspace.write('people.mandate', people);
        await workspace.write('people.mandate', dated('04'));
        expect(fingerprintWalks()).toBe(walks);
        const cold = await Workspace.open({ ...CLEAN_POLICY, 'people.mandate': dated('04') }, AS_OF);
        expect(workspace.diagnostics()).toEqual(cold.diagnostics());
    });
});
