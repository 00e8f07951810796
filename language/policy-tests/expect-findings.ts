import { AstUtils } from 'langium';
import type { RequirementResult } from '../applicability/index.js';
import type { FindingExpectation, NoFindingsExpectation, StatusExpectation } from '../generated/ast.js';
import type { QueryFinding, WhatIfAnswer } from '../query/index.js';
import type { IsoDate } from '../util/dates.js';
import type { ExpectationResult, TestLocation } from './index.js';
import { IssueCodes, LINKING_ERROR_CODE } from '../mandate-issue-codes.js';
import { findRule } from '../rules/index.js';
import { unknownRequirementMessage } from '../standards/unknown-requirement.js';
import type { RunContext, TestFinding } from './run-context.js';

export type StateExpectation = FindingExpectation | NoFindingsExpectation | StatusExpectation;

/** What these expectations read: the findings and statuses on a date, as they are or after a what-if. */
export interface PolicyState {
    readonly date: IsoDate;
    readonly findings: readonly TestFinding[];
    status(requirement: string): { status: string; reasons: readonly string[] } | undefined;
    /** What the scenario changed, for the explanation. */
    readonly context: readonly string[];
}

/** An expectation that cannot be judged as written (a file or requirement that does not exist): its test errors, at the expectation. */
export class ExpectationError extends Error {
    constructor(readonly location: TestLocation, message: string) {
        super(message);
    }
}

/** Long lists are cut: a failure must stay readable next to its expectation. */
const SHOWN = 20;

function findingLines(context: RunContext, findings: readonly TestFinding[]): string[] {
    const lines = findings.slice(0, SHOWN).map(finding => `${context.where(finding)}: ${finding.rule}: ${finding.message}`);
    if (findings.length > SHOWN) lines.push(`… and ${findings.length - SHOWN} more`);
    return lines;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The file and line a finding expectation names must exist: a misspelt file or a line past the end
 * would make `expect no finding … in "rolse.mandate"` pass whatever the policy says.
 */
function checkPlace(context: RunContext, node: FindingExpectation, testUri: string): void {
    if (node.file === undefined) return;
    const document = context.documentNamed(node.file, testUri);
    if (!document) {
        throw new ExpectationError(context.location(node), `No policy file of the workspace is "${node.file}": name it by its path from the workspace folder or from the test file.`);
    }
    const lines = document.textDocument.lineCount;
    if (node.line !== undefined && node.line > lines) {
        throw new ExpectationError(context.location(node), `"${node.file}" has ${lines} line${lines === 1 ? '' : 's'}, so nothing can be found on line ${node.line}.`);
    }
}

/**
 * A rule switched off, or one that cannot run in a test run (record-late reads the git history,
 * which tests do not; the drift rules need a directory), gives no findings: an expectation of one
 * would fail, or pass, whatever the policy says.
 */
function checkRuns(context: RunContext, node: FindingExpectation): void {
    const rule = findRule(node.rule);
    if (!rule) return; // the engine's own codes (parsing-error, …); an unknown ID is the validator's error
    const settings = context.checked.services.shared.mandate.Settings;
    // The rule's own reason speaks of the CLI and the editor; a test run, wherever it runs, never reads the history.
    if (rule.id === IssueCodes.RecordLate && !settings.recordHistory) {
        throw new ExpectationError(context.location(node), `The rule ${rule.id} cannot be expected in a policy test: test runs do not read the git history, `
            + `which it needs. \`mandate check\` reports its findings.`);
    }
    const why = settings.severityOf(rule) === 'off' ? 'it is switched off (mandate.config.json, or off by default)' : rule.missingInput?.(settings);
    if (why) throw new ExpectationError(context.location(node), `The rule ${rule.id} does not run in this test run: ${why}. An expectation of its findings would say nothing about the policy.`);
}

/**
 * Why no finding of the rule is there, when no finding can show it: a failure always says why.
 * A name that failed to link hides the findings that follow only from it (mandate-link-failures.ts):
 * a role whose assignment names an undeclared person is not reported vacant.
 */
function absenceLines(context: RunContext, node: FindingExpectation, state: PolicyState): string[] {
    const linking = state.findings.filter(finding => finding.rule === LINKING_ERROR_CODE);
    const lines = [`the checks give no ${node.rule} finding in any file on ${state.date}`
        + (state.findings.length > 0 ? ` (${count(state.findings.length, 'finding')} of other rules)` : '')];
    if (linking.length > 0) {
        lines.push(`${count(linking.length, 'name')} failed to link, and findings that only follow from such a name are left out until it is fixed `
            + `(a role whose assignment names an undeclared person is not reported vacant); the first: ${context.where(linking[0])}: ${linking[0].message}`);
    }
    return lines;
}

function evaluateFinding(context: RunContext, node: FindingExpectation, state: PolicyState): Pick<ExpectationResult, 'kind' | 'passed' | 'expected' | 'actual' | 'explanation'> {
    const testUri = AstUtils.getDocument(node).uri.toString();
    checkRuns(context, node);
    checkPlace(context, node, testUri);
    const place = node.file === undefined ? '' : ` in ${node.file}${node.line === undefined ? '' : ` line ${node.line}`}`;
    const ofRule = state.findings.filter(finding => finding.rule === node.rule);
    const matching = ofRule.filter(finding => (node.file === undefined || context.sameFile(node.file, testUri, finding))
        && (node.line === undefined || finding.line === node.line));
    const actual = matching.length > 0
        ? `${count(matching.length, `${node.rule} finding`)}${place} on ${state.date}`
        : ofRule.length > 0 ? `no ${node.rule} finding${place}, but ${ofRule.length} elsewhere on ${state.date}` : `no ${node.rule} finding on ${state.date}`;
    const shown = node.absent ? matching : matching.length > 0 ? matching : ofRule;
    const explanation = [...state.context, ...shown.length > 0 || node.absent ? findingLines(context, shown) : absenceLines(context, node, state)];
    return node.absent
        ? { kind: 'no-finding', passed: matching.length === 0, expected: `no ${node.rule} finding${place} on ${state.date}`, actual, explanation }
        : { kind: 'finding', passed: matching.length > 0, expected: `a ${node.rule} finding${place} on ${state.date}`, actual, explanation };
}

function evaluateStatus(context: RunContext, node: StatusExpectation, state: PolicyState): Pick<ExpectationResult, 'kind' | 'passed' | 'expected' | 'actual' | 'explanation'> {
    const result = state.status(node.requirement);
    const expected = `${node.requirement} ${node.status} on ${state.date}`;
    // A misspelt ID is the test's error, with the hint requirement-unknown gives in a policy, not a failed expectation.
    const catalogue = context.checked.services.shared.mandate.WorkspaceModel.get().catalogue;
    if (!result && !catalogue.find(node.requirement)) throw new ExpectationError(context.location(node), unknownRequirementMessage(catalogue, node.requirement));
    if (!result) {
        return {
            kind: 'status', passed: false, expected, actual: `${node.requirement} is not assessed`,
            explanation: [...state.context, `${node.requirement} is not a requirement of a framework the policy claims (\`claims <framework>\`), so it has no status.`]
        };
    }
    return {
        kind: 'status', passed: result.status === node.status, expected, actual: `${node.requirement} ${result.status} on ${state.date}`,
        explanation: [...state.context, ...result.reasons]
    };
}

/** Findings (by rule and place, or none) and requirement status, on the state given. */
export function evaluateState(context: RunContext, node: StateExpectation, state: PolicyState): Pick<ExpectationResult, 'kind' | 'passed' | 'expected' | 'actual' | 'explanation'> {
    if (node.$type === 'FindingExpectation') return evaluateFinding(context, node, state);
    if (node.$type === 'StatusExpectation') return evaluateStatus(context, node, state);
    const passed = state.findings.length === 0;
    return {
        kind: 'no-findings', passed, expected: `no findings on ${state.date}`,
        actual: passed ? `no findings on ${state.date}` : `${count(state.findings.length, 'finding')} on ${state.date}`,
        explanation: [...state.context, ...findingLines(context, state.findings)]
    };
}

/** A requirement's status among the applicability engine's results, top-level or an item of one. */
export function statusIn(results: readonly RequirementResult[], id: string): { status: string; reasons: readonly string[] } | undefined {
    for (const result of results) {
        if (result.requirement.id === id) return { status: result.status, reasons: result.reasons };
        const item = result.items.find(candidate => candidate.requirement.id === id);
        if (item) return { status: item.status, reasons: [`an item of ${result.requirement.id}, which is ${result.status}`, ...result.reasons] };
    }
    return undefined;
}

/** The policy as it is on `date`. */
export async function stateOn(context: RunContext, date: IsoDate): Promise<PolicyState> {
    const [findings, statuses] = await Promise.all([context.findingsOn(date), context.statusesOn(date)]);
    return { date, findings, status: id => statusIn(statuses, id), context: [] };
}

function fromQuery(finding: QueryFinding): TestFinding {
    return { rule: finding.rule, uri: finding.source.uri, file: finding.source.file, line: finding.source.line, message: finding.message };
}

const sameFinding = (a: TestFinding, b: TestFinding) => a.rule === b.rule && a.uri === b.uri && a.line === b.line && a.message === b.message;

/**
 * The policy after the what-if, on its date: the findings as they are, less those the change
 * resolves, plus those it brings (the query engine re-checks a changed copy with the real engine).
 */
export async function stateAfter(context: RunContext, answer: WhatIfAnswer): Promise<PolicyState> {
    const before = await stateOn(context, answer.date);
    const resolved = answer.findingsResolved.map(fromQuery);
    const findings = [...before.findings.filter(finding => !resolved.some(other => sameFinding(finding, other))), ...answer.findingsAppearing.map(fromQuery)];
    const after = new Map(answer.statusesAfter.map(entry => [entry.requirement, entry.status]));
    const lost = answer.lost.map(holding => `what-if: ${holding.person.name} no longer holds ${holding.role.name} (${context.where(holding.assignment)})`
        + (holding.vacantAfter ? `, which is then vacant` : ''));
    return {
        date: answer.date, findings, context: lost,
        // Every status after the change, of a requirement or an item of one, from the copy the query checked.
        status: id => {
            const earlier = before.status(id);
            const now = after.get(id);
            if (now === undefined) return undefined;
            if (earlier?.status === now) return { status: now, reasons: [`unchanged by ${answer.subject.name} leaving`, ...earlier.reasons] };
            return { status: now, reasons: [`was ${earlier?.status ?? 'not assessed'} before ${answer.subject.name} left`] };
        }
    };
}
