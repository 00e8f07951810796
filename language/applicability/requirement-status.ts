/**
 * The honest status of each requirement: met, partly met, not met (claimed, applicable, and
 * nothing covers it) or not applicable (excluded, with its justification). Coverage comes from
 * coverage.ts; what lowers a covered requirement to partly met are the open findings of the rules
 * that evidence it (those whose standards cite it, and the duty rules' findings on the duties that
 * satisfy it: duty-findings.ts), training that lapsed, and a rule its structural evidence relies on being off.
 */
import type { Delegation, Role, Training } from '../generated/ast.js';
import type { MandateSettings } from '../mandate-settings.js';
import { findRule } from '../rules/index.js';
import { ISMS_CONFORMANCE, ISMS_REPORTING, type Requirement } from '../standards/catalogue.js';
import type { IsoDate } from '../util/dates.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { acceptedContext, acceptedLowering } from './accepted-exceptions.js';
import { assessedRequirements, coverageOn, subtree, type Coverage } from './coverage.js';
import type { ExclusionEntry } from './statement-of-applicability.js';
import { ruleInputs } from './rule-inputs.js';
import { contextOf, type Context, type FindingLike } from './status-context.js';
import type { EvidenceFact } from './structural-evidence.js';

export type ApplicabilityStatus = 'met' | 'partly-met' | 'not-met' | 'not-applicable';

export type { FindingLike } from './status-context.js';

/**
 * A rule that evidences a requirement (its `standards` cite it or an item of it), and how it stands.
 * `findings`: errors or warnings of it remain; `off`: switched off in mandate.config.json;
 * `not-run`: what it reads besides the policy (a directory export, the git history) is missing.
 */
export type RuleState = 'clean' | 'findings' | 'off' | 'not-run';

export interface RuleCheck {
    readonly rule: string;
    readonly state: RuleState;
    /** Why a rule did not run. */
    readonly missing?: string;
    /** Indexes into the findings passed in: its errors and warnings. */
    readonly findings: readonly number[];
}

export interface ItemResult {
    readonly requirement: Requirement;
    readonly status: ApplicabilityStatus;
    /** Indexes into the accepted exceptions passed in that would lower it if open, as RequirementResult.accepted. */
    readonly accepted: readonly number[];
}

export interface RequirementResult {
    readonly requirement: Requirement;
    readonly status: ApplicabilityStatus;
    /** Why, in plain sentences a report prints as they are. */
    readonly reasons: readonly string[];
    /** The exclusion in force (with its justification), when not applicable. */
    readonly exclusion?: ExclusionEntry;
    /** Roles held on the as-of date that carry a duty satisfying it or one of its items. */
    readonly heldBy: readonly Role[];
    readonly trainings: readonly Training[];
    /** The facts of its structural evidence, and of its items'. */
    readonly evidence: readonly EvidenceFact[];
    readonly rules: readonly RuleCheck[];
    /** Every item under it, depth first, with its own status. */
    readonly items: readonly ItemResult[];
    /** Indexes into the findings passed in that lower it: errors and warnings of `rules`. */
    readonly findings: readonly number[];
    /**
     * Indexes into the accepted exceptions passed in that would lower it if they were open. They
     * lower nothing, but a status that rests on them is not met plainly (accepted-exceptions.ts).
     */
    readonly accepted: readonly number[];
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** `a, b, c and 4 more`. */
function shortList(items: readonly string[], limit = 6): string {
    return items.length > limit ? `${items.slice(0, limit).join(', ')} and ${items.length - limit} more` : items.join(', ');
}


interface Assessment {
    readonly status: ApplicabilityStatus;
    readonly rules: RuleCheck[];
    readonly findings: number[];
    /** The rules citing it whose findings syntax errors hold back, and those errors (indexes into the findings). */
    readonly heldBack: { readonly rules: readonly string[]; readonly errors: readonly number[] };
    readonly lapsed: string[];
    readonly due: string[];
    readonly unchecked: string[];
}

/**
 * `coveredAbove`: a clause above it is covered itself, which covers its items too (a duty that
 * satisfies 9.2 covers 9.2.2); findings and lapsed training still lower it.
 */
function assess(coverage: Coverage, context: Context, coveredAbove = false): Assessment {
    const nodes = subtree(coverage).filter(node => node.level !== 'excluded');
    const inputs = ruleInputs(nodes, context);
    const rules: RuleCheck[] = inputs.map(({ rule: id, findings }) => {
        const rule = findRule(id)!;
        if (context.settings.severityOf(rule) === 'off') return { rule: id, state: 'off', findings };
        const missing = rule.missingInput?.(context.settings);
        if (missing !== undefined) return { rule: id, state: 'not-run', missing, findings };
        return { rule: id, state: findings.length > 0 ? 'findings' : 'clean', findings };
    });
    // What a declaration that does not read would say is not known: it cannot be met in full until it reads.
    const held = inputs.filter((input, index) => rules[index].state !== 'off' && input.held.length > 0);
    const heldBack = { rules: held.map(input => input.rule), errors: unique(held.flatMap(input => input.held)) };
    const findings = unique([...rules.flatMap(check => check.findings), ...heldBack.errors]).sort((a, b) => a - b);
    const trainings = unique(nodes.flatMap(node => node.trainings));
    const counted = (training: Training, states: readonly string[]) => {
        const people = context.obligations.get(training) ?? [];
        return { count: people.filter(entry => states.includes(entry.state)).length, of: people.length };
    };
    // Training only evidences a requirement while the people who need it are current; a newcomer
    // inside the grace period is due, which does not lower it.
    const lapsed = trainings.flatMap(training => {
        const { count, of } = counted(training, ['overdue', 'missing']);
        return count > 0 ? [`${count} of ${of} required completions of ${training.name} are overdue or missing.`] : [];
    });
    const due = trainings.flatMap(training => {
        const { count, of } = counted(training, ['due']);
        return count > 0 ? [`${count} of ${of} required completions of ${training.name} are due within a newcomer's grace period.`] : [];
    });
    const unchecked = unique(nodes.flatMap(node => node.evidence && node.evidence.level !== 'none' ? node.evidence.requiredRules : []))
        .filter(id => {
            const rule = findRule(id);
            return rule !== undefined && context.settings.severityOf(rule) === 'off';
        });
    const level = coveredAbove && coverage.level !== 'excluded' ? 'full' : coverage.level;
    const status: ApplicabilityStatus = level === 'excluded' ? 'not-applicable'
        : level === 'none' ? 'not-met'
            : level === 'partial' || findings.length > 0 || lapsed.length > 0 || unchecked.length > 0 ? 'partly-met' : 'met';
    return { status, rules, findings, heldBack, lapsed, due, unchecked };
}

function reasonsFor(coverage: Coverage, assessment: Assessment, heldBy: readonly Role[], trainings: readonly Training[]): string[] {
    const exclusion = coverage.exclusion;
    if (exclusion) {
        const through = exclusion.requirement.id === coverage.requirement.id ? '' : ` with ${exclusion.requirement.id}`;
        // The `not applicable` line itself is in `exclusion`; each output links to it its own way.
        return [`Declared not applicable${through}: ${exclusion.justification}`];
    }
    const nodes = subtree(coverage).filter(node => node.level !== 'excluded');
    const reasons: string[] = [];
    if (heldBy.length > 0) reasons.push(`Carried by ${heldBy.map(role => role.name).join(', ')}.`);
    else {
        const vacant = unique(nodes.flatMap(node => node.carriers));
        if (vacant.length > 0) reasons.push(`Only vacant roles carry it: ${vacant.map(role => role.name).join(', ')}.`);
    }
    const delegations = unique(nodes.flatMap(node => node.delegations));
    if (delegations.length > 0) reasons.push(`Held by delegation in force: ${shortList(delegations.map(delegationText))}.`);
    if (trainings.length > 0) reasons.push(`Covered by training ${trainings.map(training => training.name).join(', ')}.`);
    for (const node of nodes) {
        if (!node.evidence || node.evidence.level === 'none') continue;
        const label = node === coverage ? 'The policy shows' : `For ${node.requirement.clause}, the policy shows`;
        reasons.push(`${label}: ${node.evidence.facts.map(fact => fact.text).join(' ')}`);
    }
    // Items only explain a clause that is not covered as a whole; an item covered as a whole covers its own items, which are not listed.
    const items = coverage.direct === 'full' ? [] : itemsToExplain(coverage);
    if (items.length > 0) {
        const clauses = (level: string) => items.filter(item => item.level === level).map(item => item.requirement.clause);
        const [full, partial, none] = [clauses('full'), clauses('partial'), clauses('none')];
        if (full.length > 0) reasons.push(`Items covered: ${shortList(full)}.`);
        if (partial.length > 0) reasons.push(`Items covered in part: ${shortList(partial)}.`);
        if (none.length > 0 && coverage.level !== 'none') reasons.push(`Items not covered: ${shortList(none)}.`);
    }
    reasons.push(...assessment.lapsed, ...assessment.due);
    const byRule = assessment.rules.filter(check => check.findings.length > 0);
    const count = unique(byRule.flatMap(check => check.findings)).length;
    if (count > 0) {
        // Named, with how many each: "3 findings" alone sent the reader to the findings to learn which rules lowered it.
        const named = byRule.map(check => (check.findings.length === 1 ? check.rule : `${check.rule} (${check.findings.length})`));
        reasons.push(`${count} finding${count === 1 ? '' : 's'} of rules that evidence it: ${shortList(named)}.`);
    }
    const held = assessment.heldBack;
    if (held.errors.length > 0) {
        reasons.push(held.errors.length === 1
            ? `A syntax error leaves a declaration unread: what it says is not known, and its findings of ${shortList([...held.rules])} wait until it reads.`
            : `${held.errors.length} syntax errors leave declarations unread: what they say is not known, and their findings of ${shortList([...held.rules])} wait until they read.`);
    }
    for (const rule of assessment.unchecked) reasons.push(`The rule ${rule} is switched off, so the evidence above is not checked.`);
    // Not lowered: an input the team has not provided is evidence neither way, but the reader is told.
    const notRun = new Map<string, string[]>();
    for (const check of assessment.rules) if (check.missing) notRun.set(check.missing, [...notRun.get(check.missing) ?? [], check.rule]);
    for (const [missing, rules] of notRun) reasons.push(`${rules.length === 1 ? 'The rule' : 'The rules'} ${rules.join(', ')} did not run: ${missing}.`);
    if (coverage.level === 'none') reasons.push(reasons.length > 0 ? 'Nothing held covers it.' : 'No responsibility, authority or training in the policy satisfies it.');
    return reasons;
}


/** `incident-management from ops to carol`. */
const delegationText = (delegation: Delegation) => `${delegation.duty?.ref?.name} from ${delegation.from?.ref?.name} to ${delegation.to?.ref?.name}`;

function resultOf(coverage: Coverage, context: Context, accepted: Context): RequirementResult {
    const assessment = assess(coverage, context);
    const nodes = coverage.level === 'excluded' ? [] : subtree(coverage).filter(node => node.level !== 'excluded');
    const heldBy = unique(nodes.flatMap(node => node.heldBy));
    const trainings = unique(nodes.flatMap(node => node.trainings));
    // Carried, but nobody held is accountable for it: the control-owner register says "no owner", so "met" would contradict it.
    const ownerless = assessment.status === 'met' && context.ownerless.has(coverage.requirement.id);
    const reasons = reasonsFor(coverage, assessment, heldBy, trainings);
    if (ownerless) reasons.push(`No role held on ${context.asOf} is accountable for it (control-owner-missing).`);
    // A `not applicable` that does not take effect: the row is assessed, and says why the exclusion is not in force.
    for (const message of context.rejectedExclusions.get(coverage.requirement.id) ?? []) {
        reasons.push(`Declared not applicable, but the exclusion is not in force (applicability-invalid): ${message}`);
    }
    return {
        requirement: coverage.requirement,
        status: ownerless ? 'partly-met' : assessment.status,
        reasons,
        ...(coverage.exclusion ? { exclusion: coverage.exclusion } : {}),
        heldBy, trainings,
        evidence: nodes.flatMap(node => node.evidence && node.evidence.level !== 'none' ? node.evidence.facts : []),
        rules: assessment.rules,
        items: itemsOf(coverage, context, accepted),
        findings: withOwnerFindings(assessment.findings, context.ownerFindings.get(coverage.requirement.id)),
        accepted: acceptedLowering(coverage, accepted)
    };
}

function withOwnerFindings(findings: readonly number[], owner: readonly number[] | undefined): readonly number[] {
    return owner ? unique([...findings, ...owner]).sort((a, b) => a - b) : findings;
}

/** The items under a requirement that say something of their own: not excluded, and not under an item covered as a whole. */
function itemsToExplain(coverage: Coverage): Coverage[] {
    const items: Coverage[] = [];
    const visit = (node: Coverage) => {
        for (const child of node.children) {
            if (child.level === 'excluded') continue;
            items.push(child);
            if (child.direct !== 'full') visit(child);
        }
    };
    visit(coverage);
    return items;
}

/** Every item under a requirement, depth first, with its status; a clause covered itself covers its items. */
function itemsOf(coverage: Coverage, context: Context, accepted: Context): ItemResult[] {
    const items: ItemResult[] = [];
    const visit = (node: Coverage, coveredAbove: boolean) => {
        for (const child of node.children) {
            items.push({ requirement: child.requirement, status: assess(child, context, coveredAbove).status, accepted: acceptedLowering(child, accepted) });
            visit(child, coveredAbove || child.direct === 'full');
        }
    };
    visit(coverage, coverage.direct === 'full');
    return items;
}

/**
 * The status of every top-level requirement of every claimed framework on `asOf`, in catalogue
 * order. `findings` are the build's open findings (suppressed ones left out); only their `rule`
 * and `severity` are read, and `RequirementResult.findings` indexes into them. `accepted` are the
 * build's accepted exceptions (the suppressed ones), which `RequirementResult.accepted` indexes
 * into. `settings` says which rules are switched off: an evidence that relies on one is only partial.
 */
export function requirementStatuses(
    model: WorkspaceModel, asOf: IsoDate, settings: MandateSettings, findings: readonly FindingLike[], accepted: readonly FindingLike[] = []
): RequirementResult[] {
    const coverage = coverageOn(model, asOf);
    const context = contextOf(model, asOf, settings, findings);
    const acceptedAsOpen = acceptedContext(model, asOf, settings, accepted);
    return assessedRequirements(model).map(requirement => resultOf(coverage.of(requirement), context, acceptedAsOpen));
}

const ORDER: Record<ApplicabilityStatus, number> = { 'not-met': 0, 'partly-met': 1, met: 2, 'not-applicable': 3 };

/**
 * ISO/IEC 27001 clause 5.3 as a whole: the worse of 5.3(a) and 5.3(b), whichever frameworks are
 * claimed, because the clause 5.3 assignments are what Mandate is about (status bar, report).
 */
export function clause53Status(
    model: WorkspaceModel, asOf: IsoDate, settings: MandateSettings, findings: readonly FindingLike[]
): 'met' | 'partly-met' | 'not-met' {
    return clause53Assessment(model, asOf, settings, findings).status;
}

export interface Clause53Assessment {
    readonly status: 'met' | 'partly-met' | 'not-met';
    /** Indexes into the accepted exceptions passed in that would lower 5.3(a) or 5.3(b) if open: "met" resting on them is not met plainly. */
    readonly accepted: readonly number[];
}

/** clause53Status, with the accepted exceptions (the build's suppressed findings) the headline rests on. */
export function clause53Assessment(
    model: WorkspaceModel, asOf: IsoDate, settings: MandateSettings, findings: readonly FindingLike[], accepted: readonly FindingLike[] = []
): Clause53Assessment {
    const coverage = coverageOn(model, asOf);
    const context = contextOf(model, asOf, settings, findings);
    // Built only when there are exceptions: the status bar computes clause 5.3 after every edit.
    const acceptedAsOpen = accepted.length > 0 ? acceptedContext(model, asOf, settings, accepted) : undefined;
    let worst: 'met' | 'partly-met' | 'not-met' = 'met';
    const resting: number[] = [];
    for (const id of [ISMS_CONFORMANCE, ISMS_REPORTING]) {
        const requirement = model.catalogue.find(id);
        const status = requirement ? assess(coverage.of(requirement), context).status : 'not-met';
        if (status !== 'not-applicable' && ORDER[status] < ORDER[worst]) worst = status;
        if (requirement && acceptedAsOpen) resting.push(...acceptedLowering(coverage.of(requirement), acceptedAsOpen));
    }
    return { status: worst, accepted: unique(resting).sort((a, b) => a - b) };
}
