import { join } from 'node:path';
import { isLeafCstNode, type CstNode, type GrammarAST, type RootCstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { LazyCompositeCstNode } from '../language/mandate-composite-cst-node.js';
import { lineStartsOf, positionIn } from '../language/mandate-leaf-cst-node.js';
import { lineStartOffsets } from '../language/util/line-breaks.js';
import { readTextFolder } from './folder-helpers.js';
import { CLEAN_POLICY } from './helpers.js';
import { Random } from './random-edits.js';
import { Workspace, diagnosticLine } from './workspace-helpers.js';

/**
 * An edit of blanks and comments keeps the document's syntax tree and moves it in place
 * (language/layout-edit/). After each random edit of a file's layout (comment lines typed and
 * deleted, letters typed in comments, blank lines, indentation, block comments between tokens,
 * line breaks of both kinds) the kept tree must be the tree a fresh parse builds, token for token
 * with its comments where the parser hangs them, and the diagnostics and index entries those of a
 * cold build. Edits that are not layout only (a comment opened inside a title) go the usual way.
 */
/** Locally, run more: MANDATE_LAYOUT_EDITS=2000 MANDATE_LAYOUT_SEED=5 npx vitest run tests/layout-edit.test.ts */
const EDITS = Number(process.env.MANDATE_LAYOUT_EDITS) || 0;
const SEED = Number(process.env.MANDATE_LAYOUT_SEED) || 0;

const ACME = readTextFolder(join(import.meta.dirname, '..', 'examples', 'acme'));

/** A stable number per grammar element: both trees share the grammar. */
const features = new Map<GrammarAST.AbstractElement | undefined, number>();
const featureId = (feature: GrammarAST.AbstractElement | undefined) => features.get(feature) ?? features.set(feature, features.size).get(feature)!;

/** The tree as text: nesting, grammar elements, every token and comment with its offsets and range; no leaves are made. */
function shape(node: CstNode, root: RootCstNode): string {
    const token = (offset: number, end: number, feature: GrammarAST.AbstractElement | undefined, type: string, hidden: boolean) => {
        const start = positionIn(root, offset);
        const stop = positionIn(root, end);
        return `${type}${hidden ? '#' : ''}:${featureId(feature)}@${offset}-${end}(${start.line}:${start.character}-${stop.line}:${stop.character})`;
    };
    if (isLeafCstNode(node)) {
        // A leaf's range is the one its offsets give (a token without a leaf yet has only those).
        const { start, end } = node.range;
        const expected = { start: positionIn(root, node.offset), end: positionIn(root, node.end) };
        const same = JSON.stringify({ start, end }) === JSON.stringify(expected);
        return token(node.offset, node.end, node.grammarSource, node.tokenType.name, node.hidden) + (same ? '' : `[range ${JSON.stringify({ start, end })}]`);
    }
    const parts: string[] = [];
    if (node instanceof LazyCompositeCstNode) {
        node.findChild((child, offset, end, feature, tokenType) => {
            parts.push(child ? shape(child, root) : token(offset, end, feature, tokenType?.name ?? '?', false));
            return undefined;
        });
    } else {
        for (const child of (node as unknown as { content: CstNode[] }).content) parts.push(shape(child, root));
    }
    return `{${featureId(node.grammarSource)} ${parts.join(' ')}}`;
}

function treeOf(workspace: Workspace, name: string): RootCstNode {
    return workspace.document(name).parseResult.value.$cstNode!.root;
}

function exportsOf(workspace: Workspace): string[] {
    return workspace.shared.workspace.IndexManager.allElements().toArray().map(description => {
        const name = description.nameSegment;
        const whole = description.selectionSegment;
        return `${description.documentUri.path} ${description.name} ${name?.offset}-${name?.end} ${JSON.stringify(name?.range)} ${whole?.offset}-${whole?.end} ${JSON.stringify(whole?.range)}`;
    }).sort();
}

function diagnosticsOf(workspace: Workspace): string[] {
    return [...workspace.diagnostics()].flatMap(([name, lines]) => lines.map(line => `${name} ${line}`)).sort();
}

/** Offsets just after a blank (a space, a line break) between tokens or, with `anywhere`, inside a title or a comment too. */
function blankPlaces(text: string, anywhere: boolean): number[] {
    const places: number[] = [];
    let inside: '"' | '//' | '/*' | undefined;
    for (let index = 1; index < text.length; index++) {
        const previous = text[index - 1];
        if (inside === undefined) {
            if (previous === '"') inside = '"';
            else if (previous === '/' && (text[index] === '/' || text[index] === '*')) inside = text[index] === '/' ? '//' : '/*';
        } else if ((inside === '"' && previous === '"') || (inside === '/*' && previous === '/' && text[index - 2] === '*')) {
            inside = undefined;
            continue;
        }
        if ((previous === '\n' || previous === '\r') && inside !== '/*') inside = undefined;
        if (/\s/.test(previous) && (anywhere || inside === undefined)) places.push(index);
    }
    return places;
}

/** One random edit of `text`'s layout (most of them layout only), with a label for the failure report. */
function layoutEdit(text: string, random: Random, counter: number): { text: string; label: string } {
    // A line break or a comment inside a title or a comment breaks the file's syntax, which the next edits would not mend.
    const places = blankPlaces(text, false);
    const blank = random.pick(places);
    const at = random.pick([0, ...places.filter(place => text[place - 1] === '\n')]);
    const anyBlank = random.pick(blankPlaces(text, true));
    const comments = [...text.matchAll(/\/\/[^\r\n]*|\/\*[\s\S]*?\*\//g)];
    const insert = (offset: number, inserted: string, label: string) => ({ text: text.slice(0, offset) + inserted + text.slice(offset), label: `${label} at ${offset}` });
    switch (random.int(12)) {
        case 0: return insert(at, `// note ${counter}\n`, 'comment line');
        case 1: return insert(at, '\n', 'blank line');
        case 2: return insert(at, '    ', 'indentation');
        case 3: return insert(blank, `/* c${counter} */ `, 'block comment');
        case 4: return insert(at, `/* two\n   lines ${counter} */\n`, 'block comment over two lines');
        case 5: return insert(blank, '\r\n', 'CRLF line break');
        case 6: return insert(text.length, random.chance(0.5) ? `\n// last ${counter}` : `// last ${counter}\n`, 'comment at the end');
        case 7: {
            if (comments.length === 0) return insert(at, `// note ${counter}\n`, 'comment line');
            const comment = random.pick(comments);
            return { text: text.slice(0, comment.index) + text.slice(comment.index + comment[0].length), label: `comment deleted at ${comment.index}` };
        }
        case 8: {
            if (comments.length === 0) return insert(at, '\n', 'blank line');
            const comment = random.pick(comments);
            return insert(comment.index + 2 + random.int(Math.max(comment[0].length - 3, 1)), 'x', 'letter in a comment');
        }
        case 9: {
            const breaks = [...text.matchAll(/\n(?=\s*\n)/g)];
            if (breaks.length === 0) return insert(at, '\n', 'blank line');
            const found = random.pick(breaks);
            return { text: text.slice(0, found.index) + text.slice(found.index + 1), label: `blank line deleted at ${found.index}` };
        }
        case 10: return insert(blank, `// ${counter}\n`, 'comment before a token');
        default: return insert(anyBlank, ' ', 'blank');
    }
}

async function expectLayoutEdits(files: Record<string, string>, seed: number, edits: number): Promise<number> {
    const texts = new Map(Object.entries(files));
    const names = [...texts.keys()].filter(name => name.endsWith('.mandate'));
    const workspace = await Workspace.open(files);
    const random = new Random(seed);
    const log: string[] = [];
    let kept = 0;
    for (let step = 0; step < edits; step++) {
        const name = random.pick(names);
        const edit = layoutEdit(texts.get(name)!, random, step);
        log.push(`${name}: ${edit.label}`);
        texts.set(name, edit.text);
        const before = workspace.document(name).parseResult.value;
        const rangeBefore = before.$cstNode!.range; // Langium's root keeps the range once asked for it
        await workspace.burst([[name, edit.text]]);
        if (workspace.document(name).parseResult.value === before) kept++;
        const cold = await Workspace.open(Object.fromEntries(texts));
        const context = `after ${log.length} edits (seed ${seed}):\n  ${log.join('\n  ')}`;
        const tree = treeOf(workspace, name);
        expect(tree.fullText, context).toBe(edit.text);
        expect(workspace.document(name).textDocument.getText(), context).toBe(edit.text);
        expect(lineStartsOf(tree), context).toEqual(lineStartOffsets(edit.text));
        expect(shape(tree, tree), context).toBe(shape(treeOf(cold, name), treeOf(cold, name)));
        expect(rangeBefore, context).toBeDefined();
        expect(workspace.document(name).parseResult.value.$cstNode!.range, context).toEqual(cold.document(name).parseResult.value.$cstNode!.range);
        expect(diagnosticsOf(workspace), context).toEqual(diagnosticsOf(cold));
        expect(exportsOf(workspace), context).toEqual(exportsOf(cold));
    }
    return kept;
}

describe('an edit of blanks and comments keeps the syntax tree', () => {
    it('gives the tree, diagnostics and index entries of a cold build after random layout edits of examples/acme', async () => {
        const edits = EDITS || 80;
        const kept = await expectLayoutEdits(ACME, SEED || 3, edits);
        // Most of these edits are layout only: the tree is kept for them.
        expect(kept).toBeGreaterThan(edits / 2);
    }, 300_000);

    it('does the same on a small clean policy', async () => {
        const edits = EDITS || 60;
        const kept = await expectLayoutEdits(CLEAN_POLICY, SEED || 11, edits);
        expect(kept).toBeGreaterThan(edits / 2);
    }, 300_000);

    it('does the same in files with suppressions, keeping the tree for edits away from them', async () => {
        // An accepted finding (evidence-missing, with blank and comment lines between the suppression and
        // what it covers), and one after code on its own line that accepts nothing (suppression-unused).
        const people = CLEAN_POLICY['people.mandate']
            .replace('assign jane', '// mandate-ignore evidence-missing: the minutes are kept by the company secretary\n\n// reviewed 2024-03\nassign jane')
            .replace('    email "jane@acme.example"', '    email "jane@acme.example" // mandate-ignore date-invalid: none here');
        const edits = EDITS || 60;
        const kept = await expectLayoutEdits({ ...CLEAN_POLICY, 'people.mandate': people }, SEED || 17, edits);
        expect(kept).toBeGreaterThan(edits / 3);
    }, 300_000);

    it('parses again when the edit may change what a suppression covers, or makes one', async () => {
        const suppressed = CLEAN_POLICY['people.mandate'].replace('assign jane', '// mandate-ignore evidence-missing: kept by the secretary\n\nassign jane');
        const files = { ...CLEAN_POLICY, 'people.mandate': suppressed };
        const cases: Array<[label: string, text: string, kept: boolean]> = [
            ['a comment typed away from the suppression', suppressed.replace('person jane', '// HR record 42\nperson jane'), true],
            // A line that starts with a block comment is a line of code: the suppression covers it, not the assignment.
            ['a block comment typed between the suppression and what it covers', suppressed.replace('\n\nassign jane', '\n/* note */\nassign jane'), false],
            ['a comment deleted from the suppression\'s line', suppressed.replace(' kept by the secretary', ''), false]
        ];
        for (const [label, text, kept] of cases) {
            const workspace = await Workspace.open(files);
            const before = workspace.document('people.mandate').parseResult.value;
            await workspace.burst([['people.mandate', text]]);
            expect(workspace.document('people.mandate').parseResult.value === before, label).toBe(kept);
            const cold = await Workspace.open({ ...files, 'people.mandate': text });
            expect(diagnosticsOf(workspace), label).toEqual(diagnosticsOf(cold));
        }
        // A letter deleted that makes a comment a suppression, in a file that had none: it accepts the finding now.
        const almost = CLEAN_POLICY['people.mandate'].replace('assign jane', '// mandate-Xignore evidence-missing: kept by the secretary\nassign jane');
        const workspace = await Workspace.open({ ...CLEAN_POLICY, 'people.mandate': almost });
        const made = almost.replace('mandate-Xignore', 'mandate-ignore');
        await workspace.burst([['people.mandate', made]]);
        const cold = await Workspace.open({ ...CLEAN_POLICY, 'people.mandate': made });
        expect(diagnosticsOf(workspace)).toEqual(diagnosticsOf(cold));
        expect(diagnosticsOf(cold).some(line => line.includes('Accepted exception'))).toBe(true);
    });

    it('moves the diagnostics of the edited file with its text', async () => {
        const workspace = await Workspace.open(CLEAN_POLICY);
        const document = workspace.document('people.mandate');
        const before = document.parseResult.value;
        expect(workspace.codes('people.mandate')).toEqual(['evidence-missing']);
        const first = CLEAN_POLICY['people.mandate'].replace('assign jane', '// Appointed by the board\n\n/* see the minutes */ assign jane');
        const text = first.replace('    evidence', '    /* scanned */\r\n    evidence');
        // One change each, as an editor sends them: two apart are one span holding tokens, which is parsed again.
        for (const next of [first, text]) await workspace.burst([['people.mandate', next]]);
        expect(workspace.document('people.mandate').parseResult.value).toBe(before);
        const cold = await Workspace.open({ ...CLEAN_POLICY, 'people.mandate': text });
        expect(workspace.document('people.mandate').diagnostics!.map(diagnosticLine)).toEqual(cold.document('people.mandate').diagnostics!.map(diagnosticLine));
        expect(workspace.document('people.mandate').diagnostics![0].range.start.line).toBe(9);
    });

    it('parses again beside a finding whose message quotes its text or names its neighbour', async () => {
        const cadence = readTextFolder(join(import.meta.dirname, '..', 'examples', 'findings', 'cadence-invalid'));
        const invisible = { ...CLEAN_POLICY, 'organization.mandate': CLEAN_POLICY['organization.mandate'].replace('role board "', 'role board\u2028"') };
        const cases: Array<[Record<string, string>, string, (text: string) => string]> = [
            // cadence-invalid quotes the cadence as written: a comment inside it is in the message.
            [cadence, 'policy.mandate', text => text.replace('every 100000000 days', 'every 100000000 /* typo? */ days')],
            // invisible-character names the word next to the character: a blank typed between them changes that.
            [invisible, 'organization.mandate', text => text.replace('role board\u2028', 'role board \u2028')]
        ];
        for (const [files, name, edit] of cases) {
            const workspace = await Workspace.open(files);
            const text = edit(files[name]);
            expect(text).not.toBe(files[name]);
            await workspace.burst([[name, text]]);
            const cold = await Workspace.open({ ...files, [name]: text });
            expect(diagnosticsOf(workspace)).toEqual(diagnosticsOf(cold));
        }
    });

    it('parses again when the edit is more than layout: a comment opened in a title, a suppression, two tokens joined', async () => {
        const workspace = await Workspace.open(CLEAN_POLICY);
        const name = Object.keys(CLEAN_POLICY).find(file => CLEAN_POLICY[file as keyof typeof CLEAN_POLICY].includes('person '))!;
        const original = workspace.document(name).parseResult.value.$cstNode!.root.fullText;
        const title = original.indexOf('"') + 2;
        const edits = [
            original.slice(0, title) + '// ' + original.slice(title),
            `// mandate-ignore role-vacant: reviewed\n${original}`.replace('// mandate', '\n// mandate'),
            original.replace(/person (\S+)/, 'person$1')
        ];
        for (const text of edits) {
            const before = workspace.document(name).parseResult.value;
            await workspace.burst([[name, text]]);
            expect(workspace.document(name).parseResult.value).not.toBe(before);
            const cold = await Workspace.open({ ...CLEAN_POLICY, [name]: text });
            expect(diagnosticsOf(workspace)).toEqual(diagnosticsOf(cold));
        }
    });

    it('is built as usual after an update the comment cancelled: a file deleted, and what named it or leaned on it', async () => {
        const files = {
            ...CLEAN_POLICY,
            'extra.mandate': 'responsibility d1 "Duty 1" { satisfies ISO27001:A.5.3 }\n',
            'other.mandate': 'conflict between ciso and d1 "Separate them"\n'
        };
        const note = (name: keyof typeof CLEAN_POLICY) => `${CLEAN_POLICY[name]}// a note\n`;
        // The deletion's update is cancelled by the comment's before it links again the file that names `d1`
        // (found by the random edits of tests/incremental-property.test.ts, seed 1, after 2,961 steps).
        const cases: Array<[deleted: string, edited: keyof typeof CLEAN_POLICY]> = [['extra.mandate', 'roles.mandate'], ['people.mandate', 'organization.mandate']];
        for (const [deleted, edited] of cases) {
            const workspace = await Workspace.open(files);
            await workspace.burst([[deleted, undefined], [edited, note(edited)]]);
            const after: Record<string, string> = { ...files, [edited]: note(edited) };
            delete after[deleted];
            const cold = await Workspace.open(after);
            expect(diagnosticsOf(workspace), deleted).toEqual(diagnosticsOf(cold));
        }
        const workspace = await Workspace.open(files);
        await workspace.burst([['extra.mandate', undefined], ['roles.mandate', note('roles.mandate')]]);
        expect(workspace.codes('other.mandate')).toContain('linking-error');
    });
});
