/**
 * Requirements the policy evidences by what it shows, not by a duty that names them: roles held
 * with documented responsibilities (A.5.2), declared conflicts (A.5.3), announced appointments
 * (7.4), awareness training for everyone (7.3), acknowledgements (PCI DSS 12.1.3). Each gives the
 * facts it rests on, so the report can say why, and the rules it needs switched on to be trusted.
 */
import type { Role } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { acknowledgementDates } from '../rules/role-acknowledgement-missing.js';
import { ISMS_CONFORMANCE, ISMS_REPORTING } from '../standards/catalogue.js';
import type { IsoDate } from '../util/dates.js';
import { firstAnnouncement } from '../workspace/announced-records.js';
import type { Holder, Tenure } from '../workspace/tenure.js';
import { trainingStatus } from '../workspace/training-status.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';

/** How far the facts go: all of them hold, some do, or none. */
export type EvidenceLevel = 'full' | 'partial' | 'none';

/** One fact the policy shows, in words a report can print. */
export interface EvidenceFact {
    readonly text: string;
    readonly holds: boolean;
}

export interface StructuralEvidence {
    readonly requirementId: string;
    readonly level: EvidenceLevel;
    readonly facts: readonly EvidenceFact[];
    /** Rules the evidence relies on: while one is switched off, the evidence is only partial. */
    readonly requiredRules: readonly string[];
}

interface Part {
    readonly level: EvidenceLevel;
    readonly facts: readonly EvidenceFact[];
    readonly requiredRules?: readonly string[];
}

/** `'a', 'b' and 3 more`: names for a fact, never a wall of text. */
function listed(names: readonly string[], limit = 4): string {
    const shown = names.slice(0, limit).map(name => `'${name}'`).join(', ');
    return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}

/** full when every counted thing is fine, none when none is (or there is nothing to count), partial between. */
function levelOf(good: number, total: number): EvidenceLevel {
    return total === 0 || good === 0 ? 'none' : good === total ? 'full' : 'partial';
}

function combine(parts: readonly Part[]): Part {
    const levels = new Set(parts.map(part => part.level));
    const level: EvidenceLevel = levels.size === 1 ? [...levels][0] : levels.has('full') || levels.has('partial') ? 'partial' : 'none';
    return { level, facts: parts.flatMap(part => part.facts), requiredRules: parts.flatMap(part => part.requiredRules ?? []) };
}

/** 5.3: both assignments, 5.3(a) and 5.3(b), carried by a role someone holds. */
function clause53(model: WorkspaceModel, asOf: IsoDate): Part {
    const facts = [[ISMS_CONFORMANCE, '5.3(a), making the ISMS conform'], [ISMS_REPORTING, '5.3(b), reporting ISMS performance']].map(([id, what]) => {
        const carriers = model.rolesCarrying(id);
        const held = carriers.filter(role => model.hasDeclaredHolderOn(role, asOf));
        return held.length > 0
            ? { text: `${what}, is carried by ${listed(held.map(role => role.name))}, held on ${asOf}.`, holds: true }
            : { text: carriers.length > 0 ? `${what}, is carried only by vacant roles (${listed(carriers.map(role => role.name))}).` : `No role carries ${what}.`, holds: false };
    });
    return { level: levelOf(facts.filter(fact => fact.holds).length, facts.length), facts };
}

/** A.5.2, CC1.3, GV.RR-02: every role that carries duties is held, its responsibilities written in the policy. */
function rolesHeld(model: WorkspaceModel, asOf: IsoDate): Part {
    const carrying = model.roles.filter(role => model.dutiesCarriedBy(role).length > 0);
    const vacant = carrying.filter(role => !model.hasDeclaredHolderOn(role, asOf));
    const facts: EvidenceFact[] = [{
        text: carrying.length > 0
            ? `${carrying.length} role${carrying.length === 1 ? ' carries' : 's carry'} duties documented in the policy's job descriptions.`
            : 'No role carries a duty in the policy.',
        holds: carrying.length > 0
    }];
    if (carrying.length > 0) {
        facts.push(vacant.length === 0
            ? { text: `Every one of them is held on ${asOf}.`, holds: true }
            : { text: `Vacant on ${asOf}: ${listed(vacant.map(role => role.name))}.`, holds: false });
    }
    return { level: levelOf(carrying.length - vacant.length, carrying.length), facts };
}

/** A.5.3: conflicting duties are declared, and the segregation checks run. */
function conflictsDeclared(model: WorkspaceModel): Part {
    const count = model.conflicts.length;
    return {
        level: count > 0 ? 'full' : 'none',
        facts: [{ text: count > 0 ? `${count} segregation-of-duties conflict${count === 1 ? ' is' : 's are'} declared.` : 'No segregation-of-duties conflict is declared.', holds: count > 0 }],
        requiredRules: [IssueCodes.SodConflict, IssueCodes.InternalAuditorIndependence]
    };
}

/** The roles whose appointment the organization must know about: the clause 5.3 roles and the key roles. */
function isKeyRole(model: WorkspaceModel, role: Role): boolean {
    return role.ciso || role.ismsOwner || role.internalAuditor || role.key
        || model.rolesCarrying(ISMS_CONFORMANCE).includes(role) || model.rolesCarrying(ISMS_REPORTING).includes(role);
}

/** One holder per tenure in force: a renewal is not a second appointment. */
function tenuresInForce(model: WorkspaceModel, roles: readonly Role[], asOf: IsoDate): Holder[] {
    const seen = new Set<Tenure>();
    return roles.flatMap(role => model.holdersWithTenureOn(role, asOf)).filter(holder => !seen.has(holder.tenure) && !!seen.add(holder.tenure));
}

/** 7.4 and the "communicated" half of GV.RR-02: the key appointments in force were announced. */
function keyAppointmentsAnnounced(model: WorkspaceModel, asOf: IsoDate): Part {
    const holders = tenuresInForce(model, model.roles.filter(role => isKeyRole(model, role)), asOf);
    // Announced by the as-of date, as the auditor's third question counts it (report-roles.ts).
    const silent = holders.filter(holder => !firstAnnouncement(holder.tenure, holder.assignment, asOf));
    const count = holders.length;
    const facts: EvidenceFact[] = count === 0
        ? [{ text: `Nobody holds a key role (the CISO, the 5.3 roles, the ISMS owner, the internal auditor, roles marked \`key role\`) on ${asOf}.`, holds: false }]
        : [{
            text: silent.length === 0
                ? `All ${count} key appointment${count === 1 ? '' : 's'} in force on ${asOf} ${count === 1 ? 'was' : 'were'} announced.`
                : `${count - silent.length} of ${count} key appointments in force on ${asOf} were announced; not announced: `
                    + `${listed(silent.map(holder => `${holder.tenure.person.name} as ${holder.tenure.role.name}`))}.`,
            holds: silent.length === 0
        }];
    return { level: levelOf(count - silent.length, count), facts, requiredRules: [IssueCodes.AssignmentNotCommunicated] };
}

/** 7.3 and A.6.3: a programme for everyone, and everyone who must take it current (a newcomer's grace period is fine). */
function awarenessCurrent(model: WorkspaceModel, asOf: IsoDate): Part {
    const programmes = trainingStatus(model, asOf).filter(status => status.training.everyone);
    if (programmes.length === 0) return { level: 'none', facts: [{ text: 'No training programme has the audience everyone.', holds: false }] };
    const facts = programmes.map(({ training, obligations }) => {
        const behind = obligations.filter(obligation => obligation.state === 'overdue' || obligation.state === 'missing').length;
        return {
            text: `Programme '${training.name}' is for everyone: ${obligations.length - behind} of ${obligations.length} required completions are current or within a grace period.`,
            holds: behind === 0
        };
    });
    const good = facts.filter(fact => fact.holds).length;
    // A programme with some people behind still evidences awareness in part.
    return { level: good === facts.length ? 'full' : 'partial', facts, requiredRules: [IssueCodes.TrainingMissing, IssueCodes.TrainingOverdue] };
}

/** PCI DSS 12.1.3: everyone who holds a role acknowledged it and its responsibilities. */
function acknowledged(model: WorkspaceModel, asOf: IsoDate): Part {
    const holders = tenuresInForce(model, model.roles, asOf);
    const missing = holders.filter(holder => !acknowledgementDates(holder.tenure.terms).some(date => date <= asOf));
    const count = holders.length;
    return {
        level: levelOf(count - missing.length, count),
        facts: [{
            text: count === 0 ? `Nobody holds a role on ${asOf}.`
                : missing.length === 0 ? `All ${count} holders of roles on ${asOf} acknowledged their role and responsibilities.`
                    : `${count - missing.length} of ${count} holders of roles on ${asOf} acknowledged their role; not recorded: ${listed(missing.map(holder => `${holder.tenure.person.name} as ${holder.tenure.role.name}`))}.`,
            holds: count > 0 && missing.length === 0
        }]
    };
}

/** Which evidence evidences which requirement. */
const DEFINITIONS: ReadonlyArray<readonly [string, (model: WorkspaceModel, asOf: IsoDate) => Part]> = [
    ['ISO27001:5.3', clause53],
    ['ISO27001:A.5.2', rolesHeld],
    ['SOC2:CC1.3', rolesHeld],
    ['NIST-CSF:GV.RR-02', (model, asOf) => combine([rolesHeld(model, asOf), keyAppointmentsAnnounced(model, asOf)])],
    ['ISO27001:A.5.3', conflictsDeclared],
    ['ISO27001:7.4', keyAppointmentsAnnounced],
    ['ISO27001:7.3', awarenessCurrent],
    ['ISO27001:A.6.3', awarenessCurrent],
    ['PCI-DSS:12.1.3', acknowledged]
];

/** The requirements that have structural evidence; the report and the docs list them. */
export const STRUCTURALLY_EVIDENCED: readonly string[] = DEFINITIONS.map(([id]) => id);

const DEFINED = new Map(DEFINITIONS);

/**
 * One requirement's structural evidence on `asOf`, worked out when first asked and kept for the
 * workspace snapshot and date; undefined for a requirement without any. Asked one by one: the
 * status bar, after every edit that changes the policy, needs only clause 5.3's, not the training
 * and acknowledgement counts over every holder that other requirements' evidence takes.
 */
export function structuralEvidenceOf(model: WorkspaceModel, asOf: IsoDate, requirementId: string): StructuralEvidence | undefined {
    const evidence = DEFINED.get(requirementId);
    if (!evidence) return undefined;
    const known = model.cached(`applicability:structural-evidence@${asOf}`, () => new Map<string, StructuralEvidence>());
    let result = known.get(requirementId);
    if (!result) {
        const { level, facts, requiredRules = [] } = evidence(model, asOf);
        result = { requirementId, level, facts, requiredRules: [...new Set(requiredRules)] };
        known.set(requirementId, result);
    }
    return result;
}

/** Every requirement's structural evidence on `asOf`, in the order of the definitions. */
export function structuralEvidence(model: WorkspaceModel, asOf: IsoDate): ReadonlyMap<string, StructuralEvidence> {
    return new Map(STRUCTURALLY_EVIDENCED.map(requirementId => [requirementId, structuralEvidenceOf(model, asOf, requirementId)!]));
}
