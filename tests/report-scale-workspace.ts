/**
 * A generated organization for the report's size tests, in the real syntax: an organization file
 * and one file per team (a lead and 15 people, each with a role, a duty, a dated and announced
 * appointment and two trainings), about 200 lines per team. Unlike the benchmark's workspace it
 * is not clean: every team has a vacant role and one person whose awareness training is overdue,
 * so the report has findings that lower requirements, a few per team.
 */
const PEOPLE_PER_TEAM = 15;

const ORGANIZATION = `organization scale "Scale Corp" { top management board }
role board "Board of Directors"
role ceo "Chief Executive Officer" { reports to board }
role ciso "Chief Information Security Officer" {
    designated CISO
    reports to ceo
    responsible for isms-reporting, isms-conformance
    accountable for isms-reporting, isms-conformance
    requires training security-awareness
}
responsibility isms-reporting "Report ISMS performance" { satisfies ISO27001:5.3(b) every quarter }
responsibility isms-conformance "Keep the ISMS conforming" { satisfies ISO27001:5.3(a) }
training security-awareness "Annual security awareness" { audience everyone satisfies ISO27001:7.3 every year }
person chief "Chief Security" { employed since 2019-01-01 }
assign chief to ciso since 2020-01-01 appointed by board { announced 2020-01-02 via intranet to all-staff }
completed security-awareness by chief on 2025-02-03 { evidence "LMS export" }
authority appoint-team "Appoint team roles" { may appoint any role }
`;

function team(index: number): string {
    const lines = [
        `// Team ${index}`,
        `role lead-${index} "Team ${index} lead" { reports to ceo authorized to appoint-team responsible for duty-${index}-0 requires training security-awareness }`,
        `training tooling-${index} "Team ${index} tooling" { satisfies ISO27001:7.2 every year }`,
        `role vacant-${index} "Team ${index} deputy" { reports to lead-${index} responsible for deputy-${index} accountable for deputy-${index} }`,
        `responsibility deputy-${index} "Stand in for team ${index} lead" { satisfies ISO27001:A.5.2 }`
    ];
    for (let i = 0; i < PEOPLE_PER_TEAM; i++) {
        const id = `${index}-${i}`;
        // The last person of each team last took the awareness training in 2023: overdue on the as-of date.
        const awareness = i === PEOPLE_PER_TEAM - 1 ? '2023-02-01' : `2025-02-${String(3 + (i % 20)).padStart(2, '0')}`;
        lines.push(
            `person p-${id} "Person ${id}" {`,
            `    email "p${index}.${i}@scale.example"`,
            '    job title "Engineer"',
            `    employed since 2021-0${1 + (i % 9)}-01`,
            '}',
            `role r-${id} "Role ${id}" { reports to lead-${index} responsible for duty-${id} accountable for duty-${id} requires training security-awareness, tooling-${index} }`,
            `responsibility duty-${id} "Duty ${id}" { satisfies ISO27001:A.5.2 every year }`,
            `assign p-${id} to r-${id} since 2022-01-01 appointed by lead-${index} {`,
            `    evidence "HR-${id}"`,
            `    announced 2022-01-03 via email to team-${index}`,
            '}',
            `completed security-awareness by p-${id} on ${awareness} { evidence "LMS ${id}" }`,
            `completed tooling-${index} by p-${id} on 2025-03-${String(3 + (i % 20)).padStart(2, '0')}`
        );
    }
    lines.push(`assign p-${index}-0 to lead-${index} since 2022-01-01 appointed by board { announced 2022-01-03 via intranet to all-staff }`);
    lines.push(`delegate appoint-team from lead-${index} to r-${index}-1 since 2024-01-01 until 2026-12-31`);
    return lines.join('\n') + '\n';
}

/** The organization file and enough team files for about `lines` lines. */
export function scaleWorkspace(lines: number): Record<string, string> {
    const perTeam = team(0).split('\n').length - 1;
    const teams = Math.max(1, Math.round((lines - ORGANIZATION.split('\n').length) / perTeam));
    const files: Record<string, string> = { 'organization.mandate': ORGANIZATION };
    for (let index = 0; index < teams; index++) files[`team-${String(index).padStart(4, '0')}.mandate`] = team(index);
    return files;
}

export function lineCount(files: Record<string, string>): number {
    return Object.values(files).reduce((sum, text) => sum + text.split('\n').length - 1, 0);
}
