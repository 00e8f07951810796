import { AstUtils, type AstNode, type LangiumDocument, type ParseResult, type ValidationAcceptor } from 'langium';
import type { Model } from '../generated/ast.js';
import { RULES } from '../rules/index.js';
import { lowerSeverity, type LoweredData, type RuleContext, type WorkspaceFinding, type WorkspaceRule } from '../rules/rule.js';
import type { IsoDate } from '../util/dates.js';
import { withTitleReads } from '../util/title-reads.js';
import { leavesHoldingsSame } from './presence-edit.js';
import { afterEdit, replacedParse, semanticFingerprint } from './semantic-fingerprint.js';
import { moveFinding, movedTrees, readsSameOf, type Change } from './carried-findings.js';
import { carryTextDerived } from '../util/text-derived.js';
import type { WorkspaceModelProvider } from './workspace-model-provider.js';
import { baseNameOf } from './file-label.js';
import { relatedInformation, relatedSignature } from './related-places.js';

export interface PlacedFinding {
    readonly rule: WorkspaceRule;
    readonly finding: WorkspaceFinding;
}

const WORKSPACE_RULES = RULES.filter((rule): rule is WorkspaceRule => rule.scope === 'workspace');

/** The workspace findings of one workspace state and as-of date, with what they were computed from. */
interface Computed {
    readonly version: number;
    readonly asOf: string;
    /** The syntax tree of each document, by URI. */
    readonly roots: ReadonlyMap<string, AstNode>;
    readonly byRule: ReadonlyMap<WorkspaceRule, readonly WorkspaceFinding[]>;
    /** The syntax trees whose declaration titles each rule read when its findings were made. */
    readonly titleTrees: ReadonlyMap<WorkspaceRule, ReadonlySet<AstNode>>;
    readonly grouped: ReadonlyMap<string, PlacedFinding[]>;
    /** What the policy says in this state (see `semanticVersion`). */
    readonly meaning: number;
    /** What it says, declarations' titles aside (see `structureVersion`). */
    readonly structure: number;
}

/** Findings by rule, the trees each rule read titles of, and what the policy says (`meaning` and `structure` numbers). */
interface RuleResults {
    readonly byRule: Map<WorkspaceRule, readonly WorkspaceFinding[]>;
    readonly titleTrees: Map<WorkspaceRule, ReadonlySet<AstNode>>;
    meaning?: number;
    structure?: number;
}

/**
 * Runs the workspace-wide rules once per workspace snapshot and as-of date, and hands each
 * finding to the validation of the one document that holds its target. It remembers what it
 * handed to each document, so the builder can tell which unchanged documents now show stale
 * workspace findings (e.g. the organization file after the CISO's file was deleted).
 */
export class WorkspaceFindings {
    private readonly published = new Map<string, readonly PlacedFinding[]>();
    /** Findings that only follow from a name that failed to link are left out when grouped; see LinkFailures. */
    private derived: (rule: WorkspaceRule, finding: WorkspaceFinding) => boolean = () => false;

    constructor(private readonly models: WorkspaceModelProvider, private readonly context: RuleContext) {
        // Options, severities and catalogues change findings without changing a document.
        context.settings.onDidChange(() => this.forgetComputed());
    }

    /**
     * Set by the language's validator. Filtering here, as the findings are grouped, keeps the
     * stale-document check and the published diagnostics in step: an edit that makes a finding
     * derived in another file re-validates that file, as a cold build would show it.
     */
    excludeDerived(derived: (rule: WorkspaceRule, finding: WorkspaceFinding) => boolean): void {
        this.derived = derived;
        this.forgetComputed();
        this.models.invalidate();
    }

    /** All workspace findings, grouped by the URI of the document that holds their target. */
    byDocument(): ReadonlyMap<string, PlacedFinding[]> {
        const asOf = this.context.settings.asOf();
        const last = this.last;
        if (last && last.version === this.models.version && last.asOf === asOf) return last.grouped;
        const documents = this.models.documents();
        // An undo first: the state before reads exactly as now, even where only a title changed since.
        const previous = this.previous;
        let results = previous && previous.asOf === asOf ? this.restored(previous, documents) : undefined;
        results ??= last && last.asOf === asOf ? this.reusable(last, documents, asOf) : undefined;
        results ??= this.runAll();
        const { byRule, titleTrees } = results;
        // A new state may say something new; one restored or reused says what it said.
        const meaning = results.meaning ?? ++this.meanings;
        const structure = results.structure ?? ++this.structures;
        this.semanticVersion = meaning;
        this.structureVersion = structure;
        const grouped = new Map<string, PlacedFinding[]>();
        for (const [rule, findings] of byRule) {
            for (const finding of findings) {
                // Left out here, not when the rule ran: whether a name failed to link can change while the
                // findings carry over (a delegation's `from` typed wrong in another file: the random edits of
                // tests/incremental-property.test.ts, seed 2, step 1,915).
                if (this.derived(rule, finding)) continue;
                const uri = AstUtils.getDocument(finding.node).uri.toString();
                const list = grouped.get(uri);
                if (list) list.push({ rule, finding }); else grouped.set(uri, [{ rule, finding }]);
            }
        }
        const roots = new Map(documents.map(document => [document.uri.toString(), document.parseResult.value as AstNode]));
        // The state before is the last one with other trees: a second build of the same trees (the
        // documents whose workspace findings went stale, validated again) must not make an undo's
        // state the one just left.
        if (!last || !sameRoots(last.roots, roots)) this.previous = last;
        this.last = { version: this.models.version, asOf, roots, byRule, titleTrees, grouped, meaning, structure };
        return grouped;
    }

    /** How many times a rule ran; tests and benchmarks use it to prove that a comment edit runs none. */
    rulesRun = 0;
    /**
     * Names what the policy says in the current state: it stays the same while edits only change
     * how files look, and comes back when an edit is undone, so what is derived from the policy's
     * meaning (the status bar) can be kept. A new meaning gets a number never used before.
     */
    semanticVersion = 0;
    private meanings = 0;
    /**
     * Like `semanticVersion`, but kept when only declarations' titles change: what reads no title
     * (clause 5.3's status) need not be computed again while a person's title is typed.
     */
    structureVersion = 0;
    private structures = 0;
    private last: Computed | undefined;
    /** The state before `last`: an edit that is undone, or a what-if's change put back, returns to it. */
    private previous: Computed | undefined;

    private runAll(rules: readonly WorkspaceRule[] = WORKSPACE_RULES, into: RuleResults = { byRule: new Map(), titleTrees: new Map() }): RuleResults {
        const model = this.models.get();
        for (const rule of rules) {
            // A rule that is off reports nothing (the validator drops its findings), so it is not run:
            // role-acknowledgement-missing alone finds 8,000 unacknowledged roles in a 100,000-line workspace.
            if (this.context.settings.severityOf(rule) === 'off') {
                into.byRule.set(rule, []);
                into.titleTrees.set(rule, NO_TREES);
                continue;
            }
            this.rulesRun++;
            const { result, trees } = withTitleReads(() => rule.findings(model, this.context));
            into.byRule.set(rule, result);
            into.titleTrees.set(rule, trees);
        }
        return into;
    }

    /**
     * The last findings, carried over when every document that changed since says the same as
     * before (a comment, blank lines, indentation: see semantic-fingerprint.ts), so that typing a
     * comment in a file of a 100,000-line workspace runs no workspace rule. A finding on a changed
     * document moves to the same node of its new tree. A rule runs again when its findings might
     * read positions: a message naming a changed file by line after its lines moved, or a finding
     * on a changed document placed by a range rather than a node. A document whose declarations'
     * titles changed, and nothing else, runs again only the rules that read one of its titles
     * (util/title-reads.ts): typing in a person's title runs confusable-name, not forty rules. An edit
     * that changes what a document says carries over only the rules that read less (`readsOf`) and
     * find it unchanged: a date typed in a team file does not compare every name again; nor does a
     * joining date that moves no holding run the rules that read presence through holdings (`readsPresence`).
     */
    private reusable(last: Computed, documents: ReadonlyArray<LangiumDocument>, asOf: IsoDate): RuleResults | undefined {
        if (documents.length !== last.roots.size) return undefined;
        const changed = new Map<AstNode, Change>();
        // Whether every changed document says the same, titles aside; if not, only rules that read less (`readsOf`) may carry over.
        let sameStructure = true;
        for (const document of documents) {
            const uri = document.uri.toString();
            const before = last.roots.get(uri);
            const root = document.parseResult.value;
            if (!before) return undefined;
            if (before === root) continue;
            const parsed = replacedParse(before);
            if (!parsed) return undefined;
            const old = semanticFingerprint(parsed);
            // Typing in one token: the text tells, without a walk of the new tree (a file of 10,000 people).
            const edit = afterEdit(parsed, document.parseResult);
            const now = edit?.fingerprint ?? semanticFingerprint(document.parseResult);
            if (old.semantic !== now.semantic && old.structure !== now.structure) sameStructure = false;
            changed.set(before, {
                root, before: parsed, after: document.parseResult as ParseResult<Model>, tokenEdit: edit?.tokenEdit,
                file: `${baseNameOf(document.uri)}:`, linesMoved: old.lines !== now.lines, titles: old.semantic !== now.semantic
            });
        }
        const results: RuleResults = { byRule: new Map(), titleTrees: new Map() };
        const rerun: WorkspaceRule[] = [];
        // A joining date typed that moves no holding: what rules that read presence through holdings read is the same.
        let holdingsSame: boolean | undefined;
        const presenceOnly = () => holdingsSame ??= [...changed.values()].every(change => change.tokenEdit !== undefined && leavesHoldingsSame(change.tokenEdit, this.models.get()));
        for (const [rule, findings] of last.byRule) {
            // A rule that reads less than the documents say carries over when what it reads is the same (titles included).
            // Worked out only when it decides: a comment typed leaves every document saying the same, and
            // reading a file of 10,000 people for each such rule took longer than running the rules.
            let same: boolean | undefined;
            const readsSame = () => same ??= (rule.readsPresence === 'through holdings' && presenceOnly())
                || (rule.readsOf !== undefined && readsSameOf(rule.readsOf, changed, asOf));
            if (!sameStructure && !readsSame()) {
                rerun.push(rule);
                continue;
            }
            const trees = last.titleTrees.get(rule) ?? NO_TREES;
            // A rule that read a title that changed may say something else; one that read none cannot.
            const readChangedTitle = [...trees].some(tree => changed.get(tree)?.titles) && !readsSame();
            const moved = findings.map(finding => moveFinding(finding, changed));
            const positional = findings.some(finding => [...changed.values()].some(change => change.linesMoved && finding.message.includes(change.file)));
            if (readChangedTitle || moved.includes(undefined) || positional) {
                rerun.push(rule);
            } else {
                results.byRule.set(rule, moved as WorkspaceFinding[]);
                results.titleTrees.set(rule, movedTrees(trees, changed));
            }
        }
        if (rerun.length > 0) this.runAll(rerun, results);
        // New titles are a new meaning for whatever shows them, though most findings stay.
        if (sameStructure && ![...changed.values()].some(change => change.titles)) results.meaning = last.meaning;
        // In registry order, as a cold build lists them.
        const inOrder = (rule: WorkspaceRule) => results.byRule.has(rule) ? [[rule, results.byRule.get(rule)!] as const] : [];
        return {
            byRule: new Map(WORKSPACE_RULES.flatMap(inOrder)), titleTrees: results.titleTrees, meaning: results.meaning,
            structure: sameStructure ? last.structure : undefined
        };
    }

    /**
     * The findings of an earlier state, when every document that changed since reads again exactly
     * as it did then (an undo, a change put back): the same text says the same, at the same
     * places, so even findings placed by a range keep them. Only their nodes move to the new trees.
     */
    private restored(earlier: Computed, documents: ReadonlyArray<LangiumDocument>): RuleResults | undefined {
        if (documents.length !== earlier.roots.size) return undefined;
        const changed = new Map<AstNode, { readonly root: AstNode }>();
        for (const document of documents) {
            const before = earlier.roots.get(document.uri.toString());
            const root = document.parseResult.value;
            if (!before) return undefined;
            if (before === root) continue;
            if (before.$cstNode?.root.fullText !== document.textDocument.getText()) return undefined;
            // The same text, so the same fingerprint and reads: the next edit need not work them out for this tree.
            carryTextDerived(before, root);
            changed.set(before, { root });
        }
        const byRule = new Map<WorkspaceRule, readonly WorkspaceFinding[]>();
        const titleTrees = new Map<WorkspaceRule, ReadonlySet<AstNode>>();
        for (const [rule, findings] of earlier.byRule) {
            const moved = findings.map(finding => moveFinding(finding, changed, true));
            if (moved.includes(undefined)) return undefined;
            byRule.set(rule, moved as WorkspaceFinding[]);
            titleTrees.set(rule, movedTrees(earlier.titleTrees.get(rule) ?? NO_TREES, changed));
        }
        return { byRule, titleTrees, meaning: earlier.meaning, structure: earlier.structure };
    }

    private forgetComputed(): void {
        this.last = undefined;
        this.previous = undefined;
    }

    /**
     * Whether the findings stay right when the tree `root` is kept through an edit of its blanks and
     * comments (layout-edit/): none on it is placed by a range, which would not move, and none names
     * a line of its file (`label`: `people.mandate:`). The state before the last one goes: an undo
     * compares texts to reuse its findings, and this tree's text is not the one they were made for.
     */
    keepThroughLayoutEdit(root: AstNode, label: string): boolean {
        const last = this.last;
        for (const findings of last?.byRule.values() ?? []) {
            for (const finding of findings) {
                if (finding.message.includes(label)) return false;
                if (finding.range && AstUtils.findRootNode(finding.node) === root) return false;
            }
        }
        this.previous = undefined;
        return true;
    }

    /** Called from the validation of `uri`: report its share of the workspace findings. */
    acceptFor(uri: string, accept: ValidationAcceptor): void {
        const findings = this.byDocument().get(uri) ?? [];
        for (const { rule, finding } of findings) {
            const { message, lowered, related, ...target } = finding;
            const data: LoweredData | undefined = lowered ? { lowered: true } : undefined;
            accept(lowered ? lowerSeverity(rule.severity) : rule.severity, message,
                { ...target, code: rule.id, data, relatedInformation: relatedInformation(related) } as Parameters<ValidationAcceptor>[2]);
        }
        this.published.set(uri, findings);
    }

    /** URIs of documents whose published workspace findings differ from the current ones. */
    staleDocuments(): string[] {
        const current = this.byDocument();
        const candidates = new Set([...this.published.keys(), ...current.keys()]);
        return [...candidates].filter(uri => !samePlacedFindings(this.published.get(uri) ?? [], current.get(uri) ?? []));
    }

    /** Forget a document, e.g. after it was deleted. */
    forget(uri: string): void {
        this.published.delete(uri);
    }
}

const NO_TREES: ReadonlySet<AstNode> = new Set();

/** Whether two lists show the same diagnostics: the same finding objects (carried over) or the same text at the same places. */
function samePlacedFindings(a: readonly PlacedFinding[], b: readonly PlacedFinding[]): boolean {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    if (a.every((placed, index) => placed.rule === b[index].rule && placed.finding === b[index].finding)) return true;
    return signature(a) === signature(b);
}

function signature(findings: readonly PlacedFinding[]): string {
    return findings
        .map(({ rule, finding }) => `${rule.id}@${finding.node.$cstNode?.offset ?? -1}:${String(finding.property ?? '')}:${finding.message}${relatedSignature(finding.related)}`)
        .join('\n');
}

function sameRoots(before: ReadonlyMap<string, AstNode>, now: ReadonlyMap<string, AstNode>): boolean {
    if (before.size !== now.size) return false;
    for (const [uri, root] of now) if (before.get(uri) !== root) return false;
    return true;
}
