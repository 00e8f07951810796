import type { AstNode } from 'langium';
import { IssueCodes } from '../mandate-issue-codes.js';
import { asciiLookalike, difference, isPrintableAscii, mixedScriptWord, showCharacter, skeleton } from '../util/confusables.js';
import { lexicalSpan } from '../util/lexical-spans.js';
import { remembered } from '../util/remembered.js';
import { readTitle } from '../util/title-reads.js';
import type { NamedDeclaration, WorkspaceModel } from '../workspace/workspace-model.js';
import { locationOf } from './describe.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/** A finding names at most this many look-alikes, then how many more there are. */
const MAX_LISTED = 3;

const KINDS: Record<string, string> = {
    Organization: 'organization', Person: 'person', Role: 'role', Responsibility: 'responsibility', Authority: 'authority',
    Training: 'training', AppointingBody: 'appointing body'
};

/** One spelling that shares its skeleton with others, and the declarations that use it. */
type Spellings = Map<string, NamedDeclaration[]>;

/**
 * Spellings grouped by key (a skeleton), in two passes: the first notes one spelling per key, the
 * second builds groups only for the keys that have another. Nearly every key has one spelling, so
 * a workspace of 100,000 names allocates a map per look-alike group, not per name.
 */
class SpellingGroups {
    private readonly firstSpelling = new Map<string, string>();
    private readonly shared = new Set<string>();
    readonly groups = new Map<string, Spellings>();

    note(key: string, text: string): void {
        const first = this.firstSpelling.get(key);
        if (first === undefined) this.firstSpelling.set(key, text);
        else if (first !== text) this.shared.add(key);
    }

    /** Second pass: `true` when the declaration belongs to a group of two or more spellings. */
    add(key: string, text: string, node: NamedDeclaration): boolean {
        if (!this.shared.has(key)) return false;
        let spellings = this.groups.get(key);
        if (!spellings) this.groups.set(key, spellings = new Map());
        const nodes = spellings.get(text);
        if (nodes) nodes.push(node); else spellings.set(text, [node]);
        return true;
    }

    firstOf(key: string): string | undefined {
        return this.firstSpelling.get(key);
    }
}

/** `` `bill` (people.mandate:3) ``, for the first few other spellings of one skeleton. */
function others(text: string, spellings: Spellings, show: (text: string, node: NamedDeclaration) => string): string {
    const listed: string[] = [];
    let total = 0;
    for (const [other, nodes] of spellings) {
        if (other === text) continue;
        for (const node of nodes) {
            total++;
            if (listed.length < MAX_LISTED) listed.push(`${show(other, node)} (${locationOf(node)})`);
        }
    }
    const more = total - listed.length;
    return more > 0 ? `${listed.join(', ')} and ${more} more` : listed.join(', ');
}

function firstOther(text: string, spellings: Spellings): string {
    for (const other of spellings.keys()) if (other !== text) return other;
    return text;
}

/** What a mixed-script word is, for a message: "mixes Latin and Cyrillic letters in `Jаne` (`а` (U+0430) is Cyrillic)". */
function mixedText(text: string): string | undefined {
    const mixed = mixedScriptWord(text);
    if (!mixed) return undefined;
    const scripts = mixed.scripts.map(script => script === 'other' ? 'another script' : script);
    const odd = [...new Set(mixed.odd)].slice(0, MAX_LISTED).map(showCharacter).join(', ');
    return `mixes ${scripts.slice(0, -1).join(', ')} and ${scripts[scripts.length - 1]} letters in the word \`${mixed.word}\` (${odd} ${mixed.odd.length > 1 ? 'are' : 'is'} not ${mixed.scripts[0]})`;
}

/** Reports look-alike names; returns the declared names grouped by skeleton, for rejected names. */
function nameFindings(model: WorkspaceModel, findings: WorkspaceFinding[]): (key: string) => Spellings | undefined {
    const index = new SpellingGroups();
    // Each name's skeleton once, for both passes.
    const keys: string[] = [];
    for (const name of model.declarationsByName.keys()) {
        const key = skeleton(name);
        keys.push(key);
        index.note(key, name);
    }
    let position = 0;
    for (const [name, declarations] of model.declarationsByName) {
        const key = keys[position++];
        for (const declaration of declarations) if (!index.add(key, name, declaration)) break;
    }
    for (const spellings of index.groups.values()) {
        for (const [name, nodes] of spellings) {
            const list = others(name, spellings, (other, node) => `the ${KINDS[node.$type] ?? 'declaration'} \`${other}\``);
            for (const node of nodes) {
                findings.push({
                    node, property: 'name',
                    message: `The name \`${name}\` looks like ${list}: ${difference(name, firstOther(name, spellings))}. `
                        + 'Names a reader cannot tell apart get mistaken for each other in reviews and reports; rename one of them.'
                });
            }
        }
    }
    return key => {
        const group = index.groups.get(key);
        if (group) return group;
        const name = index.firstOf(key);
        const nodes = name === undefined ? undefined : model.declarationsByName.get(name);
        return name !== undefined && nodes ? new Map([[name, nodes]]) : undefined;
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
            const list = others(word, spellings, (other, node) => `the ${KINDS[node.$type] ?? 'declaration'} \`${other}\``);
            findings.push({
                node: document.parseResult.value,
                range: { start: document.textDocument.positionAt(span.start), end: document.textDocument.positionAt(span.end) },
                message: `\`${word}\` looks like ${list}, but is spelled differently: ${difference(word, name)}. `
                    + `Write \`${name}\` if that is what you mean; a look-alike name passes for another in reviews and reports.`
            });
        }
    }
}

/**
 * `mixedText` once per distinct text, kept across runs: an imported directory repeats the same few
 * thousand names, and after each edit the rule looks at every title and path of the workspace again.
 * A printable ASCII text mixes no scripts, and is answered without the memory.
 */
const rememberedMixedText = remembered(mixedText, 100_000);
const mixedTextOf = (text: string): string | undefined => isPrintableAscii(text) ? undefined : rememberedMixedText(text);

function titleFindings(model: WorkspaceModel, findings: WorkspaceFinding[]): void {
    const index = new SpellingGroups();
    const titled: Array<readonly [NamedDeclaration, string, string]> = [];
    for (const declarations of model.declarationsByName.values()) {
        for (const node of declarations) {
            const title = readTitle(node);
            if (!title) continue;
            // Titles are compared with those of the same kind: people with people, roles with roles.
            const key = `${node.$type}\u0000${skeleton(title)}`;
            titled.push([node, title, key]);
            index.note(key, title);
        }
    }
    for (const [node, title, key] of titled) index.add(key, title, node);
    const reported = new Set<NamedDeclaration>();
    for (const spellings of index.groups.values()) {
        for (const [title, nodes] of spellings) {
            const list = others(title, spellings, (other, node) => `"${other}", the title of \`${node.name}\``);
            const mixed = mixedTextOf(title);
            for (const node of nodes) {
                reported.add(node);
                findings.push({
                    node, property: 'title',
                    message: `The title "${title}" of the ${KINDS[node.$type] ?? 'declaration'} \`${node.name}\` looks like ${list}: `
                        + `${difference(title, firstOther(title, spellings))}${mixed ? `; it ${mixed}` : ''}. `
                        + 'Two titles a reader cannot tell apart can pass one for the other in reviews and reports; make them visibly different.'
                });
            }
        }
    }
    for (const [node, title] of titled) {
        if (reported.has(node)) continue;
        const mixed = mixedTextOf(title);
        if (!mixed) continue;
        const looks = asciiLookalike(title);
        const lookalike = looks && looks !== title ? ` It reads as "${looks}", but is spelled differently, so a search or a reviewer can be misled.` : '';
        findings.push({
            node, property: 'title',
            message: `The title "${title}" of the ${KINDS[node.$type] ?? 'declaration'} \`${node.name}\` ${mixed}.${lookalike} Write each word in one script.`
        });
    }
}

/** A job-description or evidence path of the policy, with the node and list index that hold it. */
interface DocumentPath {
    readonly node: AstNode;
    readonly property: string;
    readonly index?: number;
    readonly text: string;
    readonly what: string;
}

/** Calls `visit` with every job-description and evidence path of the policy (a loop, not a generator: it runs after every edit). */
function forEachDocumentPath(model: WorkspaceModel, visit: (path: DocumentPath) => void): void {
    const evidence = (node: AstNode & { evidence: string[] }) => {
        for (let index = 0; index < node.evidence.length; index++) visit({ node, property: 'evidence', index, text: node.evidence[index], what: 'evidence path' });
    };
    for (const role of model.roles) {
        for (const job of role.jobDescriptions) if (job.path) visit({ node: job, property: 'path', text: job.path, what: 'job-description path' });
    }
    for (const assignment of model.assignments) {
        evidence(assignment);
        for (const announcement of assignment.announcements) evidence(announcement);
        for (const acknowledgement of assignment.acknowledgements) evidence(acknowledgement);
    }
    for (const delegation of model.delegations) evidence(delegation);
    for (const completion of model.completions) evidence(completion);
}

/**
 * A path with a word in two scripts (`minutes/bоard.pdf`) names another file than the one a
 * reviewer reads, and that file may well exist: evidence-missing would stay silent.
 */
function pathFindings(model: WorkspaceModel, findings: WorkspaceFinding[]): void {
    forEachDocumentPath(model, ({ node, property, index, text, what }) => {
        const mixed = mixedTextOf(text);
        if (!mixed) return;
        const looks = asciiLookalike(text);
        const lookalike = looks && looks !== text ? `, so it names another file than "${looks}"` : '';
        findings.push({
            node, property: property as never, index,
            message: `The ${what} "${text}" ${mixed}${lookalike}. Write the path in the script of the file's real name, as it is on disk.`
        });
    });
}

/**
 * Homoglyphs: names and titles that look the same but are spelled differently (Unicode TR39
 * skeletons), and titles and document paths with a word that mixes scripts. Each skeleton is computed once per
 * declaration and grouped in a map, so the rule is linear in the number of declarations.
 */
export const confusableName: WorkspaceRule = {
    id: IssueCodes.ConfusableName,
    scope: 'workspace',
    category: 'well-formedness',
    severity: 'warning',
    standards: ['ISO27001:A.5.16'],
    summary: 'Two declared names or titles look alike but differ (Unicode confusables), or a title or document path mixes scripts within a word, so one can pass for another.',
    fixable: false,
    findings(model) {
        const findings: WorkspaceFinding[] = [];
        rejectedNameFindings(model, nameFindings(model, findings), findings);
        titleFindings(model, findings);
        pathFindings(model, findings);
        return findings;
    }
};
