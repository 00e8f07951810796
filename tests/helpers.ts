import { parseConfig } from '../language/config/mandate-config.js';
import { checkSources, type Finding } from '../language/engine/check-sources.js';
import { RULES_BY_ID } from '../language/rules/index.js';

/** The as-of date every test uses unless it says otherwise; tests never read the real clock. */
export const AS_OF = '2025-06-30';

/**
 * A minimal policy with no findings at AS_OF: an organization, top management, a designated
 * CISO who carries 5.3(a) and 5.3(b), appointed by top management and announced.
 */
export const CLEAN_POLICY = {
    'organization.mandate': `
organization acme "Acme Ltd" {
    top management board
}
role board "Board of Directors"
`,
    'roles.mandate': `
role ciso "Chief Information Security Officer" {
    designated CISO
    reports to board
    responsible for isms-reporting, isms-conformance
    accountable for isms-reporting, isms-conformance
}
responsibility isms-reporting "Report ISMS performance to top management" {
    satisfies ISO27001:5.3(b)
    every quarter
}
responsibility isms-conformance "Make the ISMS conform to ISO 27001" {
    satisfies ISO27001:5.3(a)
}
`,
    'people.mandate': `
person jane "Jane Doe" {
    email "jane@acme.example"
    employed since 2020-01-01
}
assign jane to ciso since 2024-03-01 appointed by board {
    evidence "minutes/2024-02-board.pdf"
    announced 2024-03-05 via intranet to all-staff
}
`
} as const;

/** The CISO's RACI lines in CLEAN_POLICY's roles.mandate, for tests that take duties away from the CISO. */
export const CISO_DUTIES = 'responsible for isms-reporting, isms-conformance\n    accountable for isms-reporting, isms-conformance';

export type Files = Record<string, string>;

/** Checks the files as one workspace under file:///ws/, optionally with a mandate.config.json text. */
export async function check(files: Files, asOf = AS_OF, configText?: string): Promise<readonly Finding[]> {
    const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
    const config = configText === undefined ? undefined : parseConfig(configText, RULES_BY_ID).config;
    return (await checkSources(sources, { asOf, config })).findings;
}

/** The findings of one rule, as `file:line` strings, for compact assertions. */
export function where(findings: readonly Finding[], rule: string): string[] {
    return findings.filter(finding => finding.rule === rule).map(finding => `${finding.uri.replace('file:///ws/', '')}:${finding.line}`);
}

export function rules(findings: readonly Finding[]): string[] {
    return [...new Set(findings.map(finding => finding.rule))].sort();
}

/** CLEAN_POLICY with one file's text changed by `edit`. */
export function withEdit(file: keyof typeof CLEAN_POLICY, edit: (text: string) => string, extra: Files = {}): Files {
    return { ...CLEAN_POLICY, [file]: edit(CLEAN_POLICY[file]), ...extra };
}
