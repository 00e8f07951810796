/**
 * Section 10: every open finding, written out once and numbered; the statement of applicability
 * refers to them by number. A long list starts with the count per rule and is then grouped per
 * rule, each group folded. Then the accepted exceptions.
 */
import type { AuditReport, ReportFinding } from './report-model.js';
import type { Block, Cell, Section, Tone } from './report-view.js';
import { badge, code, plural, src, strong, text } from './view-inline.js';
import { group, groupBy, LARGE } from './view-large.js';

const SEVERITY_TONE: Record<string, Tone> = { error: 'bad', warning: 'warn', info: 'info', hint: 'neutral' };

/** The HTML id of finding `index` (0-based) in section 10: `finding-1` for the first. */
export function findingAnchor(index: number): string {
    return `finding-${index + 1}`;
}

/** Accepted exceptions: the team's accepted risks, with their justification, as audit evidence. */
function exceptionBlocks(report: AuditReport): Block[] {
    if (report.acceptedExceptions.length === 0) return [];
    return [
        { kind: 'heading', level: 3, text: 'Accepted exceptions' },
        { kind: 'paragraph', content: [text(`${plural(report.acceptedExceptions.length, 'finding')} accepted in the policy with `), code('// mandate-ignore'), text(', each with the justification written there.')] },
        {
            kind: 'table', head: ['Rule', 'Justification', 'Finding', 'Location'],
            rows: report.acceptedExceptions.map(exception => [
                [[code(exception.rule)]], [[strong(exception.justification)]], [[text(exception.message)]], [[src(exception.source, exception.column)]]
            ])
        }
    ];
}

const severityCell = (finding: ReportFinding): Cell => [[badge(SEVERITY_TONE[finding.severity] ?? 'neutral', finding.severity)]];

/** `#12 to #20` when the findings are numbered one after another, else the first and the last. */
function range(members: ReadonlyArray<{ index: number }>): string {
    const first = members[0].index + 1;
    const last = members[members.length - 1].index + 1;
    if (members.length === 1) return `#${first}`;
    return last - first + 1 === members.length ? `#${first} to #${last}` : `#${first} to #${last}, not consecutive`;
}

/** The count per rule first, then the findings of each rule, folded: a few thousand findings stay readable. */
function largeBlocks(report: AuditReport, numbered: ReadonlyArray<{ finding: ReportFinding; index: number }>): Block[] {
    const rules = groupBy(numbered, entry => `${entry.finding.rule}\u0000${entry.finding.severity}`);
    const files = new Set(numbered.map(entry => entry.finding.source.file));
    return [
        { kind: 'paragraph', content: [text(`${plural(report.findings.length, 'finding')} of ${plural(rules.size, 'rule')} in ${plural(files.size, 'file')}, numbered in file and line order: the count per rule, then the findings of each rule. The rule IDs are explained in the Mandate README.`)] },
        {
            kind: 'table', head: ['Rule', 'Severity', 'Findings', 'Files'],
            rows: [...rules.values()].map(members => [
                [[code(members[0].finding.rule)]], severityCell(members[0].finding), [[strong(String(members.length))]],
                [[text(String(new Set(members.map(entry => entry.finding.source.file)).size))]]
            ])
        },
        ...[...rules.values()].map(members => group(
            [code(members[0].finding.rule), text(' '), ...severityCell(members[0].finding)[0], text(`: ${plural(members.length, 'finding')}, ${range(members)}`)],
            [{
                kind: 'table', head: ['#', 'Message', 'Location'],
                rowIds: members.map(entry => findingAnchor(entry.index)),
                rows: members.map(({ finding, index }) => [[[text(String(index + 1))]], [[text(finding.message)]], [[src(finding.source, finding.column)]]])
            }]
        ))
    ];
}

export function findingsSection(report: AuditReport): Section {
    if (report.findings.length === 0) {
        return {
            id: 'findings', title: '10. Findings',
            // Accepted exceptions are checks that failed and were waived: the policy does not pass those.
            blocks: [{
                kind: 'paragraph', answer: true, content: report.acceptedExceptions.length === 0
                    ? [badge('good', 'No findings'), text(` The policy passes every check on ${report.asOf}.`)]
                    : [badge('warn', 'No open findings'), text(` On ${report.asOf} every finding is ${report.acceptedExceptions.length === 1 ? 'an accepted exception' : 'among the accepted exceptions'}, listed below with the justification given for it.`)]
            }, ...exceptionBlocks(report)]
        };
    }
    const numbered = report.findings.map((finding, index) => ({ finding, index }));
    const listing: Block[] = report.findings.length > LARGE ? largeBlocks(report, numbered) : [
        { kind: 'paragraph', content: [text(`${plural(report.findings.length, 'finding')}, in file and line order. The rule IDs are explained in the Mandate README.`)] },
        {
            kind: 'table', head: ['#', 'Severity', 'Rule', 'Message', 'Location'],
            rowIds: numbered.map(entry => findingAnchor(entry.index)),
            rows: numbered.map(({ finding, index }) => [
                [[text(String(index + 1))]], severityCell(finding), [[code(finding.rule)]], [[text(finding.message)]], [[src(finding.source, finding.column)]]
            ])
        }
    ];
    return { id: 'findings', title: '10. Findings', blocks: [...listing, ...exceptionBlocks(report)] };
}
