/**
 * What assessing requirement statuses reads besides coverage, computed once per assessment and
 * lazily (clause 5.3 alone, for the status bar, reads little of it): the open findings by rule,
 * the requirements without a control owner, the exclusions that do not take effect, and the
 * training obligations.
 */
import type { Training } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import type { MandateSettings } from '../mandate-settings.js';
import { findRule } from '../rules/index.js';
import type { IsoDate } from '../util/dates.js';
import { pushTo } from '../util/multi-map.js';
import { trainingStatus, type TrainingObligation } from '../workspace/training-status.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { controlOwners, isOwnerless } from './control-owners.js';
import { carriesResponsibilityFor, dutyFindings, type DutyFindings } from './duty-findings.js';
import { statementOfApplicability } from './statement-of-applicability.js';

/** What the engine reads of a finding: the build's open findings, suppressed ones left out. */
export interface FindingLike {
    readonly rule: string;
    readonly severity: string;
    /** Where it starts (1-based), as the check engine gives it: a duty rule's finding lowers the requirements of the duty it stands on (duty-findings.ts). */
    readonly uri: string;
    readonly line: number;
    readonly column: number;
    /** Read of control-owner-missing only, whose message starts with the requirement it is about. */
    readonly message?: string;
    /** Of a syntax error: the rules whose findings wait until the declaration it leaves unfinished reads (Finding.withheld). */
    readonly withheld?: readonly string[];
}

export interface Context {
    readonly settings: MandateSettings;
    readonly asOf: IsoDate;
    /** The requirements control-owner-missing reports (none while it is switched off). */
    readonly ownerless: ReadonlySet<string>;
    /** By requirement ID, why a `not applicable` of it does not take effect (statement-of-applicability.ts). */
    readonly rejectedExclusions: ReadonlyMap<string, readonly string[]>;
    /** By requirement ID, the control-owner-missing findings about it: its own row refers to them, not only the rows its standards cite. */
    readonly ownerFindings: ReadonlyMap<string, readonly number[]>;
    /** Indexes of the errors and warnings of each rule. */
    readonly lowering: ReadonlyMap<string, number[]>;
    /** By rule, indexes of the syntax errors that hold back its findings: what they would say is not known. */
    readonly heldBack: ReadonlyMap<string, number[]>;
    readonly obligations: ReadonlyMap<Training, readonly TrainingObligation[]>;
    /** The findings of the duty rules, and the syntax errors holding them back, by the requirements of the duty they stand on. */
    readonly onDuties: DutyFindings;
    /** Whether a role carries a responsibility satisfying the requirement, which the duty rules judge. */
    dutiesJudged(requirementId: string): boolean;
}

export function contextOf(model: WorkspaceModel, asOf: IsoDate, settings: MandateSettings, findings: readonly FindingLike[]): Context {
    const lowering = new Map<string, number[]>();
    const heldBack = new Map<string, number[]>();
    findings.forEach((finding, index) => {
        if (finding.severity !== 'error' && finding.severity !== 'warning') return;
        pushTo(lowering, finding.rule, index);
        for (const rule of finding.withheld ?? []) pushTo(heldBack, rule, index);
    });
    // Only requirements that programmes cite read the obligations: clause 5.3 alone (the status bar) does not.
    let obligations: ReadonlyMap<Training, readonly TrainingObligation[]> | undefined;
    let ownerless: ReadonlySet<string> | undefined;
    const ownerRule = findRule(IssueCodes.ControlOwnerMissing);
    let rejected: Map<string, string[]> | undefined;
    let ownerFindings: Map<string, number[]> | undefined;
    let onDuties: DutyFindings | undefined;
    const judged = new Map<string, boolean>();
    return {
        settings, lowering, heldBack, asOf,
        get onDuties() {
            return onDuties ??= dutyFindings(model, findings);
        },
        dutiesJudged(requirementId) {
            let value = judged.get(requirementId);
            if (value === undefined) judged.set(requirementId, value = carriesResponsibilityFor(model, requirementId));
            return value;
        },
        get ownerFindings() {
            if (!ownerFindings) {
                ownerFindings = new Map();
                findings.forEach((finding, index) => {
                    if (finding.rule !== IssueCodes.ControlOwnerMissing || !finding.message) return;
                    const id = finding.message.slice(0, finding.message.indexOf(' ('));
                    ownerFindings!.set(id, [...ownerFindings!.get(id) ?? [], index]);
                });
            }
            return ownerFindings;
        },
        get rejectedExclusions() {
            if (!rejected) {
                rejected = new Map();
                for (const problem of statementOfApplicability(model).problems) {
                    if (problem.rejected) rejected.set(problem.rejected, [...rejected.get(problem.rejected) ?? [], problem.message]);
                }
            }
            return rejected;
        },
        get ownerless() {
            return ownerless ??= !ownerRule || settings.severityOf(ownerRule) === 'off' ? new Set()
                : new Set(controlOwners(model, asOf).filter(isOwnerless).map(entry => entry.requirement.id));
        },
        get obligations() {
            return obligations ??= new Map(trainingStatus(model, asOf).map(status => [status.training, status.obligations]));
        }
    };
}
