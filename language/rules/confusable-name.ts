import { IssueCodes } from '../mandate-issue-codes.js';
import { asciiLookalike, difference, skeleton } from '../util/confusables.js';
import { lexicalSpan } from '../util/lexical-spans.js';
import type { NamedDeclaration, WorkspaceModel } from '../workspace/workspace-model.js';
import { KINDS, MAX_LISTED, mixedTextOf, spellingGroups, spellingsRead, treeSpellings, type Spellings, type TreeSpellings } from './confusable-spellings.js';
import type { RelatedPlace, WorkspaceFinding, WorkspaceRule } from './rule.js';

/**
 * `` `bill` (people.mandate:3) ``, for the first few other spellings of one skeleton, with those
 * declarations as the finding's related places.
 */
function others(model: WorkspaceModel, text: string, spellings: Spellings, show: (text: string, node: NamedDeclaration) => string): { text: string; related: RelatedPlace[] } {
    const listed: string[] = [];
    const related: RelatedPlace[] = [];
    let total = 0;
    for (const [other, nodes] of spellings) {
        if (other === text) continue;
        for (const node of nodes) {
            total++;
            if (listed.length === MAX_LISTED) continue;
            const shown = show(other, node);
            listed.push(`${shown} (${model.locationOf(node)})`);
            related.push({ node, message: `${shown.charAt(0).toUpperCase()}${shown.slice(1)}` });
        }
    }
    const more = total - listed.length;
    return { text: more > 0 ? `${listed.join(', ')} and ${more} more` : listed.join(', '), related };
}

function firstOther(text: string, spellings: Spellings): string {
    for (const other of spellings.keys()) if (other !== text) return other;
    return text;
}

/** Reports look-alike names; returns the declared names grouped by skeleton, for rejected names. */
function nameFindings(model: WorkspaceModel, trees: readonly TreeSpellings[], findings: WorkspaceFinding[]): (key: string) => Spellings | undefined {
    const index = spellingGroups(model, trees, 'name');
    for (const spellings of index.groups.values()) {
        for (const [name, nodes] of spellings) {
            const list = others(model, name, spellings, (other, node) => `the ${KINDS[node.$type] ?? 'declaration'} \`${other}\``);
            for (const node of nodes) {
                findings.push({
                    node, property: 'name',
                    message: `The name \`${name}\` looks like ${list.text}: ${difference(name, firstOther(name, spellings))}. `
                        + 'Names a reader cannot tell apart get mistaken for each other in reviews and reports; rename one of them.',
                    related: list.related
                });
            }
        }
    }
    return key => {
        const group = index.groups.get(key);
        if (group) return group;
        const name = index.firstOf(key);
        const nodes = name === undefined ? undefined : model.names.get(name);
        return name !== undefined && nodes ? new Map([[name, [...nodes]]]) : undefined;
    };
}

/**
 * A name the lexer rejects because it holds a letter of another script (`jаne` with a Cyrillic
 * `а`) is not a declaration, but it is written to pass for one: it is
 * reported where it stands, naming the declaration it imitates.
 */
function rejectedNameFindings(model: WorkspaceModel, groupOf: (key: string) => Spellings | undefined, findings: WorkspaceFinding[]): void {
    for (const document of model.documents) {
        const errors = document.parseResult.lexerErrors;
        if (errors.length === 0) continue;
        const text = document.textDocument.getText();
        // Errors come in text order: one word with many foreign letters is looked at once, so the pass stays linear.
        let covered = 0;
        for (const error of errors) {
            if (error.offset < covered || text.charCodeAt(error.offset) < 0x80) continue;
            const span = lexicalSpan(text, error.offset, error.length);
            covered = span.end;
            if (span.kind !== 'non-ascii-name') continue;
            const word = text.slice(span.start, span.end);
            const spellings = groupOf(skeleton(word));
            if (!spellings || spellings.has(word)) continue;
            const [name] = spellings.keys();
            const list = others(model, word, spellings, (other, node) => `the ${KINDS[node.$type] ?? 'declaration'} \`${other}\``);
            findings.push({
                node: document.parseResult.value,
                range: { start: document.textDocument.positionAt(span.start), end: document.textDocument.positionAt(span.end) },
                message: `\`${word}\` looks like ${list.text}, but is spelled differently: ${difference(word, name)}. `
                    + `Write \`${name}\` if that is what you mean; a look-alike name passes for another in reviews and reports.`,
                related: list.related
            });
        }
    }
}

function titleFindings(model: WorkspaceModel, trees: readonly TreeSpellings[], findings: WorkspaceFinding[]): void {
    const index = spellingGroups(model, trees, 'title');
    const reported = new Set<NamedDeclaration>();
    for (const spellings of index.groups.values()) {
        for (const [title, nodes] of spellings) {
            const list = others(model, title, spellings, (other, node) => `"${other}", the title of \`${node.name}\``);
            const mixed = mixedTextOf(title);
            for (const node of nodes) {
                reported.add(node);
                findings.push({
                    node, property: 'title',
                    message: `The title "${title}" of the ${KINDS[node.$type] ?? 'declaration'} \`${node.name}\` looks like ${list.text}: `
                        + `${difference(title, firstOther(title, spellings))}${mixed ? `; it ${mixed}` : ''}. `
                        + 'Two titles a reader cannot tell apart can pass one for the other in reviews and reports; make them visibly different.',
                    related: list.related
                });
            }
        }
    }
    for (const tree of trees) {
        for (const [node, title, mixed] of tree.mixedTitles) {
            if (reported.has(node)) continue;
            const looks = asciiLookalike(title);
            const lookalike = looks && looks !== title ? ` It reads as "${looks}", but is spelled differently, so a search or a reviewer can be misled.` : '';
            findings.push({
                node, property: 'title',
                message: `The title "${title}" of the ${KINDS[node.$type] ?? 'declaration'} \`${node.name}\` ${mixed}.${lookalike} Write each word in one script.`
            });
        }
    }
}

/**
 * A path with a word in two scripts (`minutes/bоard.pdf`) names another file than the one a
 * reviewer reads, and that file may well exist: evidence-missing would stay silent.
 */
function pathFindings(trees: readonly TreeSpellings[], findings: WorkspaceFinding[]): void {
    for (const tree of trees) {
        for (const [{ node, property, index, text, what }, mixed] of tree.mixedPaths) {
            const looks = asciiLookalike(text);
            const lookalike = looks && looks !== text ? `, so it names another file than "${looks}"` : '';
            findings.push({
                node, property: property as never, index,
                message: `The ${what} "${text}" ${mixed}${lookalike}. Write the path in the script of the file's real name, as it is on disk.`
            });
        }
    }
}

/**
 * Homoglyphs: names and titles that look the same but are spelled differently (Unicode TR39
 * skeletons), and titles and document paths with a word that mixes scripts. Each skeleton is computed once per
 * declaration and grouped in a map, so the rule is linear in the number of declarations.
 */
export const confusableName: WorkspaceRule = {
    id: IssueCodes.ConfusableName,
    scope: 'workspace',
    throughSyntaxErrors: 'text',
    category: 'well-formedness',
    severity: 'warning',
    standards: ['ISO27001:A.5.16'],
    summary: 'Two declared names or titles look alike but differ (Unicode confusables), or a title or document path mixes scripts within a word, so one can pass for another.',
    fixable: false,
    readsOf: spellingsRead,
    findings(model) {
        const findings: WorkspaceFinding[] = [];
        const trees = model.roots.map(treeSpellings);
        rejectedNameFindings(model, nameFindings(model, trees, findings), findings);
        titleFindings(model, trees, findings);
        pathFindings(trees, findings);
        return findings;
    }
};
