import type { AstNode, ParseResult, Properties, URI, ValidationAcceptor, ValidationChecks } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { MandateAstType, Model } from '../generated/ast.js';
import type { GrammarKeywords } from '../mandate-grammar-keywords.js';
import type { IssueCode } from '../mandate-issue-codes.js';
import type { MandateSettings } from '../mandate-settings.js';
import type { IsoDate } from '../util/dates.js';
import type { LocatedPath } from '../workspace/policy-path.js';
import type { TokenEdit } from '../workspace/semantic-fingerprint.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';

export type RuleSeverity = 'error' | 'warning' | 'info';

/** A number a team can tune per rule in mandate.config.json. */
export interface RuleOption {
    readonly type: 'integer';
    readonly default: number;
    readonly minimum: number;
    readonly description: string;
}

export type RuleCategory =
    | 'leadership'      // who is in charge: the CISO and the clause 5.3 assignments
    | 'appointment'     // how roles were given: dates, appointing party
    | 'communication'   // how appointments were made known
    | 'well-formedness' // dates, names, paths and requirement IDs
    | 'delegation'      // delegations and the accountability that stays behind
    | 'segregation'     // segregation of duties and independence
    | 'continuity'      // vacancies, deputies, concentration, leavers
    | 'directory'       // drift between the policy and the HR or identity-provider directory
    | 'training'        // awareness and competence
    | 'suppression'     // accepted exceptions written in the policy
    ;

/** What every rule declares about itself; the CLI's rule listing, SARIF and the docs read it. */
export interface RuleMetadata {
    readonly id: IssueCode;
    readonly category: RuleCategory;
    readonly severity: RuleSeverity;
    /** Requirement IDs from the standards catalogue that this rule helps evidence. */
    readonly standards: readonly string[];
    readonly summary: string;
    readonly fixable: boolean;
    /** Options a team can set in mandate.config.json, with their defaults. */
    readonly options?: Readonly<Record<string, RuleOption>>;
    /**
     * False for a rule a team opts into: it is off unless mandate.config.json gives it a severity,
     * and then reports at `severity` unless configured otherwise. Absent means on.
     */
    readonly enabledByDefault?: boolean;
    /**
     * Set for a rule whose findings hold while the declaration they are on has a syntax error:
     * `workspace` when a finding is about the whole workspace and is only shown on its anchor
     * declaration (ciso-missing), `text` when it is about the characters as written
     * (invisible-character), which may be the error's cause. Any other rule's finding on such a
     * declaration waits until it reads correctly (mandate-withheld-findings.ts).
     */
    readonly throughSyntaxErrors?: 'workspace' | 'text';
    /**
     * For a rule that reads more than the policy (a directory export, the git history): why it
     * could not run with these settings, or undefined when it can. A rule that did not run found
     * nothing, which is not the same as finding the policy clean, and the reports say so.
     */
    missingInput?(settings: MandateSettings): string | undefined;
}

/** Whether the rule reports without any configuration. */
export function isEnabledByDefault(rule: RuleMetadata): boolean {
    return rule.enabledByDefault !== false;
}

/** How listings and docs state a rule's default: `warning`, or `off (warning when enabled)` for an opt-in rule. */
export function defaultSeverityText(rule: RuleMetadata): string {
    return isEnabledByDefault(rule) ? rule.severity : `off (${rule.severity} when enabled)`;
}

/** Where a finding points: a node, optionally one property (and index) of it, or an explicit range in it. */
export interface FindingTarget<N extends AstNode = AstNode> {
    readonly node: N;
    readonly property?: Properties<N>;
    readonly index?: number;
    readonly range?: Range;
}

export interface WorkspaceFinding extends FindingTarget {
    readonly message: string;
    /**
     * The other declarations the message names by their place (`model.locationOf`), which the
     * editor links (a diagnostic's related information): each must be named in the message, since
     * what decides whether a finding moved with an edited file reads the message (keep-tree.ts).
     */
    readonly related?: readonly RelatedPlace[];
    /**
     * True when the policy itself records a mitigation (e.g. a compensating control): the finding
     * is reported one level below the rule's configured severity (error → warning → info).
     */
    readonly lowered?: boolean;
}

/** A declaration a finding's message names elsewhere, with what it is to the finding (`also declared here`). */
export interface RelatedPlace {
    readonly node: AstNode;
    readonly message: string;
}

/** What a `lowered` finding carries in `Diagnostic.data`, so a configured severity is lowered too. */
export interface LoweredData {
    readonly lowered: true;
}

/** One severity level down: error → warning → info; info stays info. */
export function lowerSeverity(severity: RuleSeverity): RuleSeverity {
    return severity === 'error' ? 'warning' : 'info';
}

export interface RuleContext {
    readonly settings: MandateSettings;
    /**
     * Where a path named in the policy really leads (workspace/policy-path.ts): symbolic links
     * followed, never out of the workspace folder. Rules never read a document named in a policy.
     */
    readonly files: { locate(text: string, root: URI): LocatedPath };
    /** The current workspace snapshot; cheap to call repeatedly. */
    workspace(): WorkspaceModel;
}

/** Reports a finding with the rule's ID as diagnostic code and the rule's severity. */
export type RuleReporter = <N extends AstNode>(accept: ValidationAcceptor, target: FindingTarget<N>, message: string) => void;

/**
 * A rule that looks at one node at a time, through Langium's validation checks. It reads the syntax
 * of the statement its node is in (a reference's name, never its target; a check of the file's root,
 * `Model`, reads the file) and what `context` gives: its findings are replayed while the tree is
 * unchanged, and for the statements a splice keeps (statement-edit/), unless it read the date, the
 * disk or the workspace (mandate-check-replay.ts). Whatever needs another statement is a workspace rule.
 */
export interface NodeRule extends RuleMetadata {
    readonly scope: 'node';
    checks(context: RuleContext, report: RuleReporter, syntax: NodeRuleSyntax): ValidationChecks<MandateAstType>;
}

/** What a node rule may know of the language itself, which never changes: read when first asked, so a server starts without it. */
export interface NodeRuleSyntax {
    keywords(): GrammarKeywords;
}

/**
 * A rule about the workspace as a whole. It computes its findings once per workspace snapshot,
 * and each finding is published exactly once, with the document that holds its target node.
 */
export interface WorkspaceRule extends RuleMetadata {
    readonly scope: 'workspace';
    findings(model: WorkspaceModel, context: RuleContext): WorkspaceFinding[];
    /**
     * For a rule that reads far less of a document than it says (names, say): all it reads of one
     * parse, as text, with the place in the tree of every node a finding may stand on. After an
     * edit that leaves this text the same in every changed document, the rule's findings carry
     * over (workspace-findings.ts): a date typed in a team file does not compare 20,000 names again.
     * `asOf` is the date the findings are for, for what is read as of that date (properties-read.ts).
     */
    readonly readsOf?: ReadsOf;
    /**
     * `through holdings` when the rule learns whether people are with the organization only from who
     * holds which role when (the model's holdersOn, isHeldOn, rolesOfPersonOn, holdersWithTenureOn, and
     * tenure.ts's effectivePeriods and tenureHeldPeriods), never from a person's employment or
     * engagement dates themselves: not in what it decides, nor in its messages, nor through training
     * status. Its findings then carry over an edit of such a date that leaves every holding of the
     * person the same (workspace/presence-edit.ts): a joining date typed years before the appointment.
     */
    readonly readsPresence?: 'through holdings';
}

/** A rule's `readsOf` (WorkspaceRule). */
export interface ReadsOf {
    (parseResult: ParseResult<Model>, asOf: IsoDate): string;
    /**
     * Whether the text would be the same after an edit inside one value token (semantic-fingerprint.ts,
     * TokenEdit), told from the nodes that hold it, without working the text out for the new tree: in a
     * file of 10,000 people that took ~40 ms per rule and keystroke. Must never say true when the
     * texts differ; may say false when unsure (the texts are then compared).
     */
    readonly sameAfterTokenEdit?: (edit: TokenEdit, asOf: IsoDate) => boolean;
}

/**
 * A rule the engine applies after the checks ran, e.g. to suppression comments; it has no
 * checks of its own but is documented, configurable and listed like every other rule.
 */
export interface EngineRule extends RuleMetadata {
    readonly scope: 'engine';
}

export type MandateRule = NodeRule | WorkspaceRule | EngineRule;
