/** Section 1: the summary an auditor reads first, with a status for every catalogue requirement. */
import { FRAMEWORKS, ISMS_CONFORMANCE, ISMS_REPORTING } from '../standards/catalogue.js';
import type { AuditReport, ReportFinding, RequirementStatus, RequirementStatusValue } from './report-model.js';
import type { Block, Cell, Inline, Section } from './report-view.js';
import { badge, code, lines, named, none, plural, src, STATUS_LABEL, STATUS_TONE, strong, text } from './view-inline.js';
import { populationText } from './view-people.js';

const CLAUSE_53 = new Set([ISMS_CONFORMANCE, ISMS_REPORTING]);

function counted<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
    return counts;
}

export function findingLine(finding: ReportFinding): Inline[] {
    return [code(finding.rule), text(` (${finding.severity}) at `), src(finding.source, finding.column), text(`: ${finding.message}`)];
}

function overview(report: AuditReport): Block {
    const { summary } = report;
    const vacant = report.roles.filter(entry => entry.vacant);
    const people = new Set(report.roles.flatMap(entry => entry.holders.map(holder => holder.person.id)));
    const delegations = counted(report.delegations, entry => entry.status);
    const training = counted(report.training.flatMap(entry => entry.people), entry => entry.state);
    const assessed = summary.requirements.filter(entry => entry.claimed);
    const requirements = counted(assessed, entry => entry.status);
    const unclaimed = summary.requirements.length - assessed.length;
    const organization = report.organization;
    const problems = summary.errors + summary.warnings;
    return {
        kind: 'facts', rows: [
            ['Organization', organization ? named(organization, true) : [badge('bad', 'Not declared')]],
            ['Top management', organization && organization.topManagement.length > 0
                ? organization.topManagement.flatMap((role, index) => [...(index > 0 ? [text(', ')] : []), ...named(role)])
                : [badge('bad', 'Not declared')]],
            ['As of', [strong(report.asOf)]],
            ['Clause 5.3 overall', [badge(STATUS_TONE[summary.clause53], STATUS_LABEL[summary.clause53]), text(' (the worse of 5.3(a) and 5.3(b))')]],
            ['Findings', [
                problems === 0 ? badge('good', 'None') : badge(summary.errors > 0 ? 'bad' : 'warn', plural(problems, 'problem')),
                text(` (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.infos} information)`)
            ]],
            ['Roles', [
                text(`${report.roles.length} declared, `),
                vacant.length === 0 ? badge('good', 'none vacant') : badge('bad', `${vacant.length} vacant: ${vacant.map(entry => entry.role.title).join(', ')}`)
            ]],
            ['People holding roles', [text(String(people.size))]],
            ['Delegations', [text(`${report.delegations.length}: ${delegations.get('active') ?? 0} active, ${delegations.get('expired') ?? 0} expired, ${delegations.get('future') ?? 0} future`)]],
            ['Training', [
                text(`${plural(report.training.length, 'programme')}, ${plural(report.training.reduce((sum, entry) => sum + entry.people.length, 0), 'required completion')}: `),
                text(`${training.get('current') ?? 0} current, ${training.get('due') ?? 0} due within a grace period, `
                    + `${training.get('overdue') ?? 0} overdue, ${training.get('missing') ?? 0} never completed. `),
                text(populationText(report))
            ]],
            ['Requirements', [text(`${requirements.get('met') ?? 0} met, ${requirements.get('partly-met') ?? 0} partly met, ${requirements.get('not-met') ?? 0} not met`
                + (unclaimed > 0 ? `; ${unclaimed} not assessed (frameworks the policy does not claim)` : ''))]]
        ]
    };
}

function gaps(requirements: readonly RequirementStatus[]): Block[] {
    const list = (status: RequirementStatusValue) => requirements.filter(entry => entry.claimed && entry.status === status).map(entry => entry.id);
    const notMet = list('not-met');
    const partly = list('partly-met');
    const content: Inline[][] = [];
    if (notMet.length > 0) content.push([badge('bad', `Not met (${notMet.length})`), text(`: ${notMet.join(', ')}`)]);
    if (partly.length > 0) content.push([badge('warn', `Partly met (${partly.length})`), text(`: ${partly.join(', ')}`)]);
    if (content.length === 0) return [{ kind: 'paragraph', content: [badge('good', 'Every assessed requirement is met.')] }];
    return [{ kind: 'list', items: content }];
}

function requirementRow(report: AuditReport, requirement: RequirementStatus, framework: string): Cell[] {
    const clause = requirement.id.startsWith(`${framework}:`) ? requirement.id.slice(framework.length + 1) : requirement.id;
    const key = CLAUSE_53.has(requirement.id);
    const findings = requirement.findings.flatMap(index => report.findings[index] ? [findingLine(report.findings[index])] : []);
    return [
        [[key ? strong(clause) : text(clause)]],
        [[key ? strong(requirement.title) : text(requirement.title)]],
        [[badge(STATUS_TONE[requirement.status], STATUS_LABEL[requirement.status])]],
        lines(requirement.reasons.map(reason => [text(reason)])),
        findings.length > 0 ? findings : none
    ];
}

function requirementTables(report: AuditReport): Block[] {
    const requirements = report.summary.requirements;
    const prefixes = [...FRAMEWORKS.map(framework => framework.prefix)];
    for (const requirement of requirements) if (!prefixes.includes(requirement.framework)) prefixes.push(requirement.framework);
    const nameOf = (prefix: string) => FRAMEWORKS.find(framework => framework.prefix === prefix)?.name ?? prefix;
    const unclaimed = prefixes.filter(prefix => requirements.some(requirement => requirement.framework === prefix && !requirement.claimed));
    const notAssessed: Block[] = unclaimed.length === 0 ? [] : [{
        kind: 'paragraph', content: [text(`Not assessed, because no responsibility, authority or training in the policy refers to them: ${unclaimed
            .map(prefix => `${nameOf(prefix)} (${plural(requirements.filter(requirement => requirement.framework === prefix).length, 'requirement')})`).join(', ')}.`)]
    }];
    return [...prefixes.filter(prefix => !unclaimed.includes(prefix)).flatMap(prefix => {
        const rows = requirements.filter(requirement => requirement.framework === prefix);
        if (rows.length === 0) return [];
        const name = nameOf(prefix);
        return [
            { kind: 'heading', level: 4, text: `${name} (${prefix})` } as const,
            {
                kind: 'table', head: ['Clause', 'Requirement', 'Status', 'Why', 'Findings that lower it'],
                rows: rows.map(requirement => requirementRow(report, requirement, prefix))
            } as const
        ];
    }), ...notAssessed];
}

export function summarySection(report: AuditReport): Section {
    const status = report.summary.clause53;
    return {
        id: 'summary', title: '1. Summary', blocks: [
            {
                kind: 'paragraph', answer: true, content: [
                    strong('ISO/IEC 27001 clause 5.3: '), badge(STATUS_TONE[status], STATUS_LABEL[status]),
                    text(status === 'met'
                        ? ` on ${report.asOf}. Roles held on that date carry both 5.3(a) (ISMS conformance) and 5.3(b) (ISMS performance reporting), and no finding lowers either.`
                        : ` on ${report.asOf}. See the requirement table below for what causes it, and section 8 for every finding.`)
                ]
            },
            overview(report),
            { kind: 'heading', level: 3, text: 'Requirements' },
            {
                kind: 'paragraph', content: [text(
                    'A requirement is met when a role held on the as-of date carries it (responsible, accountable or authorized) or a training programme covers it, '
                    + 'and no error or warning of a rule that evidences it remains; partly met when such findings remain or people who need a covering training programme are not current; not met when nothing held covers it.'
                )]
            },
            ...gaps(report.summary.requirements),
            ...requirementTables(report)
        ]
    };
}
