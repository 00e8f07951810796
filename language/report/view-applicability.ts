/**
 * Section 5: the statement of applicability with each requirement's status. The data comes from
 * the applicability engine through the report model; this only lays it out.
 */
import type { AuditReport, RequirementRule, RequirementStatus, RequirementStatusValue } from './report-model.js';
import type { Block, Cell, Inline, Section } from './report-view.js';
import { badge, code, lines, none, plural, ref, src, STATUS_LABEL, STATUS_TONE, strong, text } from './view-inline.js';
import { findingAnchor } from './view-findings.js';
import { groupBy } from './view-large.js';

/** The anchor of a requirement's row in the HTML report. */
export function requirementRowId(id: string): string {
    return `requirement-${id}`;
}

function clauseOf(requirement: { id: string; framework: string }): string {
    return requirement.id.startsWith(`${requirement.framework}:`) ? requirement.id.slice(requirement.framework.length + 1) : requirement.id;
}

/**
 * A status as a badge. Met resting on accepted exceptions is a warning, never the plain green
 * "Met": the policy itself suppressed the finding that would lower it. The other statuses say
 * enough; their reasons name the exceptions.
 */
export function statusBadge(status: RequirementStatusValue, acceptedExceptions: number): Inline {
    return status === 'met' && acceptedExceptions > 0
        ? badge('warn', `Met with ${plural(acceptedExceptions, 'accepted exception')}`)
        : badge(STATUS_TONE[status], STATUS_LABEL[status]);
}

/** Whether a requirement is met only with accepted exceptions. */
export const metWithExceptions = (requirement: RequirementStatus): boolean => requirement.status === 'met' && (requirement.acceptedExceptions?.length ?? 0) > 0;

/** `3 met (1 of them with accepted exceptions), 2 partly met, …`. */
export function statusCounts(requirements: readonly RequirementStatus[]): string {
    const count = (status: RequirementStatus['status']) => requirements.filter(requirement => requirement.status === status).length;
    const excepted = requirements.filter(metWithExceptions).length;
    return `${count('met')} met${excepted > 0 ? ` (${excepted} of them with accepted exceptions)` : ''}, ${count('partly-met')} partly met, `
        + `${count('not-met')} not met, ${count('not-applicable')} not applicable`;
}

const RULE_STATE: Record<RequirementRule['state'], string> = { clean: '', accepted: ' (accepted exception)', findings: ' (findings)', off: ' (off)', 'not-run': ' (not run)' };

/** `sod-conflict, internal-auditor-independence (findings)`: the rules that check it, in one line. */
function rulesCell(requirement: RequirementStatus): Cell {
    if (requirement.status === 'not-applicable' || requirement.rules.length === 0) return none;
    return [requirement.rules.flatMap((check, index): Inline[] => [...(index > 0 ? [text(', ')] : []), code(check.rule), ...(RULE_STATE[check.state] ? [text(RULE_STATE[check.state])] : [])])];
}

function whyCell(requirement: RequirementStatus): Cell {
    if (requirement.status === 'not-applicable') {
        return [[strong('Not applicable: '), text(requirement.justification ?? ''), ...(requirement.justificationSource ? [text(' ('), src(requirement.justificationSource), text(')')] : [])]];
    }
    return lines(requirement.reasons.map(reason => [text(reason)]));
}

/** Findings referred to by number in a requirement's row; the rest are counted per rule. */
const FINDINGS_NAMED = 5;

/**
 * The findings that lower a requirement, by their number in section 10 (each finding is written
 * out once, there): `#3 raci-accountable`, and past a few, counts per rule.
 */
function findingsCell(report: AuditReport, requirement: RequirementStatus): Cell {
    const indexes = requirement.findings.filter(index => report.findings[index] !== undefined);
    if (indexes.length === 0) return none;
    const rows: Inline[][] = indexes.slice(0, FINDINGS_NAMED).map(index => [ref(findingAnchor(index), `#${index + 1}`), text(' '), code(report.findings[index].rule)]);
    if (indexes.length > FINDINGS_NAMED) {
        const rules = groupBy(indexes.slice(FINDINGS_NAMED), index => report.findings[index].rule);
        rows.push([text(`and ${indexes.length - FINDINGS_NAMED} more: ${[...rules].map(([rule, members]) => `${members.length} ${rule}`).join(', ')}`)]);
    }
    return rows;
}

function requirementRow(report: AuditReport, requirement: RequirementStatus): Cell[] {
    return [
        [[requirement.id === 'ISO27001:5.3' ? strong(clauseOf(requirement)) : text(clauseOf(requirement))]],
        [[text(requirement.title)]],
        [[statusBadge(requirement.status, requirement.acceptedExceptions?.length ?? 0)]],
        whyCell(requirement),
        rulesCell(requirement),
        findingsCell(report, requirement)
    ];
}

export function applicabilitySection(report: AuditReport): Section {
    const { applicability, requirements } = report.summary;
    const intro: Block[] = [
        {
            kind: 'paragraph', content: [text(
                'Every top-level requirement of the claimed frameworks, with its items rolled up into it. Met: a role held on the as-of date carries it '
                + '(responsible, accountable or authorized), a training programme covers it, or the policy itself evidences it, for the requirement or every one of its items, '
                + 'and no error or warning of a rule that evidences it remains. Met with accepted exceptions: met, but only because findings that would lower it '
                + 'are accepted as exceptions in the policy, listed in section 10 with their justifications. Partly met: only some of its items are covered, or such findings remain, '
                + 'or people who need a covering programme are not current, or a rule the evidence relies on is switched off, '
                + 'or only a delegation in force holds it while the role that carries it is vacant. Not met: nothing held covers it. '
                + 'Not applicable: the statement of applicability excludes it, for the reason shown.'
            )]
        },
        applicability.declared
            ? { kind: 'paragraph', content: [text('Claimed: '), ...applicability.frameworks.flatMap((framework, index): Inline[] => [
                ...(index > 0 ? [text(', ')] : []), strong(framework.name), text(` (${framework.prefix}`),
                ...(framework.source ? [text(', '), src(framework.source)] : []), text(')')
            ]), text('.')] }
            : { kind: 'paragraph', content: [badge('neutral', 'No statement of applicability'), text(
                ' The policy claims no framework, so ISO/IEC 27001:2022 is assessed by default, every requirement of it counts as applicable, and control owners are not checked. '
                + 'Declare one with `claims ISO27001 { not applicable ISO27001:A.7.4 "why it does not apply" }`.'
            )] }
    ];
    const tables = applicability.frameworks.flatMap((framework): Block[] => {
        const rows = requirements.filter(requirement => requirement.framework === framework.prefix);
        if (rows.length === 0) {
            return [
                { kind: 'heading', level: 3, text: `${framework.name} (${framework.prefix})` },
                { kind: 'paragraph', content: [text('The catalogue lists no requirements for this framework, so there is nothing to assess.')] }
            ];
        }
        return [
            { kind: 'heading', level: 3, text: `${framework.name} (${framework.prefix})` },
            { kind: 'paragraph', content: [text(`${plural(rows.length, 'requirement')}: ${statusCounts(rows)}.`)] },
            {
                kind: 'table', head: ['Clause', 'Requirement', 'Status', 'Why', 'Checked by', 'Findings that lower it (section 10)'],
                rowIds: rows.map(requirement => requirementRowId(requirement.id)),
                rows: rows.map(requirement => requirementRow(report, requirement))
            }
        ];
    });
    return { id: 'applicability', title: '5. Statement of applicability', blocks: [...intro, ...tables] };
}
