/** Section 1: the summary an auditor reads first; the requirement tables are in section 5. */
import { handsOn, type AuditReport, type RequirementStatus, type RequirementStatusValue } from './report-model.js';
import type { Block, Inline, Section } from './report-view.js';
import { badge, named, plural, REDACTED_TEXT, STATUS_LABEL, STATUS_TONE, strong, text } from './view-inline.js';
import { populationText } from './view-people.js';
import { someNames } from './view-large.js';
import { compactIds } from './id-ranges.js';
import { metWithExceptions, statusBadge, statusCounts } from './view-applicability.js';

function counted<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
    return counts;
}

/** The applicable requirements of the register by whether someone owns them, the policy evidences them, or neither. */
export function ownership(register: AuditReport['controlOwners']): { owned: string[]; structural: string[]; missing: string[] } {
    const requirements = [...new Set(register.map(entry => entry.requirement))];
    const owned = new Set(register.filter(entry => entry.role && entry.holder).map(entry => entry.requirement));
    const structural = new Set(register.filter(entry => entry.structural).map(entry => entry.requirement));
    return {
        owned: requirements.filter(id => owned.has(id)),
        structural: requirements.filter(id => !owned.has(id) && structural.has(id)),
        missing: requirements.filter(id => !owned.has(id) && !structural.has(id))
    };
}

function overview(report: AuditReport): Block {
    const { summary } = report;
    const vacant = report.roles.filter(entry => entry.vacant);
    const people = new Set(report.roles.flatMap(entry => entry.holders.map(holder => holder.person.id)));
    // Dates that run backwards put a delegation in force on no day: neither future nor expired (date-range-invalid).
    const delegations = counted(report.delegations, entry => (entry.invalidRange ? 'invalid' : entry.status));
    const training = counted(report.training.flatMap(entry => entry.people), entry => entry.state);
    const frameworks = summary.applicability.frameworks.map(framework => framework.prefix).join(', ') || 'none';
    const owners = ownership(report.controlOwners);
    const organization = report.organization;
    const problems = summary.errors + summary.warnings;
    return {
        kind: 'facts', rows: [
            ['Organization', organization ? named(organization, true) : [badge('bad', 'Not declared')]],
            ['Top management', organization && organization.topManagement.length > 0
                ? organization.topManagement.flatMap((role, index) => [...(index > 0 ? [text(', ')] : []), ...named(role)])
                : [badge('bad', 'Not declared')]],
            ['As of', [strong(report.asOf)]],
            ...(report.provenance.redacted ? [['People', [badge('neutral', 'Pseudonymised'), text(` ${REDACTED_TEXT}`)]] as [string, Inline[]]] : []),
            ['Clause 5.3 overall', [clause53Badge(report), text(' (the worse of 5.3(a) and 5.3(b))')]],
            ['Findings', [
                problems === 0 ? (report.acceptedExceptions.length === 0 ? badge('good', 'None') : badge('warn', 'None open')) : badge(summary.errors > 0 ? 'bad' : 'warn', plural(problems, 'problem')),
                text(` (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.infos} information)`),
                // Waived, not passed: an auditor reads the justification of each in section 10.
                ...(report.acceptedExceptions.length > 0 ? [text(`; ${plural(report.acceptedExceptions.length, 'accepted exception')}, with ${report.acceptedExceptions.length === 1 ? 'its justification' : 'their justifications'} in section 10`)] : [])
            ]],
            ['Roles', [
                text(`${report.roles.length} declared, `),
                vacant.length === 0 ? badge('good', 'none vacant') : badge('bad', `${vacant.length} vacant: ${someNames(vacant.map(entry => entry.role.title))}`)
            ]],
            ['People holding roles', [text(String(people.size))]],
            ['Delegations', [text(`${report.delegations.length}: ${delegations.get('active') ?? 0} active${ineffectiveText(report)}, ${delegations.get('expired') ?? 0} expired, ${delegations.get('future') ?? 0} future${delegations.has('invalid') ? `, ${delegations.get('invalid')} with invalid dates` : ''}`)]],
            ['Training', [
                text(`${plural(report.training.length, 'programme')}, ${plural(report.training.reduce((sum, entry) => sum + entry.people.length, 0), 'required completion')}: `),
                text(`${training.get('current') ?? 0} current, ${training.get('due') ?? 0} due within a grace period, `
                    + `${training.get('overdue') ?? 0} overdue, ${training.get('missing') ?? 0} never completed. `),
                text(populationText(report))
            ]],
            ['Statement of applicability', summary.applicability.declared
                ? [text(`Claims ${frameworks}`)]
                : [badge('neutral', 'Not declared'), text(' ISO/IEC 27001 is assessed by default (see section 5)')]],
            ['Requirements', [text(`${statusCounts(summary.requirements)} (${frameworks})`)]],
            ['Control owners', [text(`${owners.owned.length} applicable requirements with an owner on ${report.asOf}, ${owners.structural.length} evidenced by the policy alone, `
                + `${owners.missing.length} with neither (see section 6)`)]]
        ]
    };
}

function gaps(requirements: readonly RequirementStatus[]): Block[] {
    const content: Inline[][] = [];
    // Runs of IDs as ranges (id-ranges.ts): without a statement of applicability, a hundred can be not met.
    const add = (status: RequirementStatusValue) => {
        const count = requirements.filter(entry => entry.status === status).length;
        if (count > 0) content.push([badge(STATUS_TONE[status], `${STATUS_LABEL[status]} (${count})`), text(`: ${compactIds(requirements, status).join('; ')}`)]);
    };
    add('not-met');
    add('partly-met');
    // Met, but only because the policy accepted the findings that would lower them: an auditor looks at these too.
    const excepted = requirements.filter(metWithExceptions);
    if (excepted.length > 0) {
        const marked = requirements.map(entry => ({ ...entry, status: metWithExceptions(entry) ? 'met-with-exceptions' : entry.status }));
        content.push([badge('warn', `Met with accepted exceptions (${excepted.length})`), text(`: ${compactIds(marked, 'met-with-exceptions').join('; ')}`)]);
    }
    if (content.length === 0) return [{ kind: 'paragraph', content: [badge('good', 'Every applicable requirement is met.')] }];
    return [{ kind: 'list', items: content }];
}

/** The headline's badge: met resting on accepted exceptions is never the plain green "Met". */
function clause53Badge(report: AuditReport): Inline {
    return statusBadge(report.summary.clause53, report.summary.clause53AcceptedExceptions?.length ?? 0);
}

const ITEM_STATUS: Record<string, string> = { 'met': 'met', 'partly-met': 'partly met', 'not-met': 'not met', 'not-applicable': 'not applicable' };

/** `met with 1 accepted exception`: an item met only because the policy accepted what would lower it says so. */
function itemStatus(item: RequirementStatus['items'][number]): string {
    const accepted = item.acceptedExceptions?.length ?? 0;
    return item.status === 'met' && accepted > 0 ? `met with ${plural(accepted, 'accepted exception')}` : ITEM_STATUS[item.status];
}

/**
 * How 5.3(a) and 5.3(b) stand, when the headline (the worse of the two) is not met in full: section 5
 * rolls the items into clause 5.3 (one item covered is partly met), and a reader must see why the
 * two differ. Empty when clause 5.3's row is not in the report (ISO 27001 not assessed).
 */
function itemsText(report: AuditReport): string {
    const clause = report.summary.requirements.find(requirement => requirement.id === 'ISO27001:5.3');
    const items = clause?.items.filter(item => item.id === 'ISO27001:5.3(a)' || item.id === 'ISO27001:5.3(b)') ?? [];
    if (!clause || items.length !== 2) return '';
    const [a, b] = items;
    const rolled = clause.status !== report.summary.clause53 ? `; section 5 rolls both into clause 5.3, which is ${ITEM_STATUS[clause.status]} there` : '';
    return ` 5.3(a) is ${itemStatus(a)} and 5.3(b) ${itemStatus(b)}, and this headline is the worse of the two${rolled}.`;
}

function metText(report: AuditReport): string {
    // The exceptions the engine found would lower 5.3(a) or 5.3(b) if open (applicability/accepted-exceptions.ts).
    const indexes = report.summary.clause53AcceptedExceptions ?? [];
    const rules = [...new Set(indexes.map(index => report.acceptedExceptions[index]?.rule).filter(rule => rule !== undefined))];
    const one = indexes.length === 1;
    const findings = indexes.length === 0 ? 'and no finding lowers either.'
        : `and no open finding lowers either, but only because the policy accepts ${plural(indexes.length, 'finding')} of ${rules.join(', ')} as ${one ? 'an exception' : 'exceptions'}: `
            + `open, ${one ? 'it' : 'they'} would lower clause 5.3, so it is met with ${one ? 'that exception' : 'those exceptions'} (section 10 lists ${one ? 'it with its justification' : 'them with their justifications'}).`;
    return ` on ${report.asOf}. Roles held on that date carry both 5.3(a) (ISMS conformance) and 5.3(b) (ISMS performance reporting), ${findings}`;
}

/** ` (2 of them hand nothing on, section 7 says why)`: delegations in their window that are ineffective. */
function ineffectiveText(report: AuditReport): string {
    const ineffective = report.delegations.filter(entry => entry.status === 'active' && !handsOn(entry)).length;
    return ineffective === 0 ? '' : ` (${ineffective} of them ${ineffective === 1 ? 'hands' : 'hand'} nothing on; section 7 says why)`;
}

export function summarySection(report: AuditReport): Section {
    const status = report.summary.clause53;
    return {
        id: 'summary', title: '1. Summary', blocks: [
            {
                kind: 'paragraph', answer: true, content: [
                    strong('ISO/IEC 27001 clause 5.3: '), clause53Badge(report),
                    text(status === 'met'
                        ? metText(report)
                        : ` on ${report.asOf}.${itemsText(report)} ${report.summary.applicability.frameworks.some(framework => framework.prefix === 'ISO27001') ? 'Section 5 shows what causes it (clause 5.3 and its items)' : 'Section 2 shows who carries 5.3(a) and 5.3(b)'}, and section 10 every finding.`)
                ]
            },
            overview(report),
            { kind: 'heading', level: 3, text: 'Requirements' },
            { kind: 'paragraph', content: [text('The requirements of the claimed frameworks that are not met in full; section 5 gives every status and why.')] },
            ...gaps(report.summary.requirements)
        ]
    };
}
