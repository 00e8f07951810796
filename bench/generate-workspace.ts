/**
 * Synthetic organizations for the benchmarks, written in the policy language that both this
 * build and 0.1.0 understand (no issue 8/9 constructs), and clean at BENCH_AS_OF in both: every
 * finding the benchmark workspace would produce is work that a real, clean policy does not cause.
 *
 * Shape: one organization file (top management, the CISO, the awareness training, the authority
 * every team lead uses) and one file per team. A team has a lead and `peoplePerTeam` people,
 * each with a role, a duty, a dated appointment with its announcement and evidence, and the two
 * trainings their role requires (awareness, and the team's own tooling training). Every team file
 * references the organization file, which is the expensive shape for relinking; no team file
 * references another, so an edit to one is an edit to a leaf.
 */
export const BENCH_AS_OF = '2025-06-30';

/** About 200 lines per team file at the default size, as in the measurements. */
export const DEFAULT_PEOPLE_PER_TEAM = 15;

export function organizationFile(): string {
    return [
        '// Bench Corp: the shared declarations every team file references.',
        'organization bench "Bench Corp" { top management board }',
        // The board receives the CISO's report (isms-reporting-recipient): 5.3(b) is reporting to top management.
        'role board "Board of Directors" { informed of isms-reporting }',
        'role ceo "Chief Executive Officer" { reports to board }',
        'role ciso "Chief Information Security Officer" {',
        '    designated CISO',
        '    reports to ceo',
        '    responsible for isms-reporting, isms-conformance',
        '    accountable for isms-reporting, isms-conformance',
        '    requires training security-awareness',
        '}',
        'responsibility isms-reporting "Report ISMS performance" { satisfies ISO27001:5.3(b) every quarter }',
        'responsibility isms-conformance "Keep the ISMS conforming" { satisfies ISO27001:5.3(a) }',
        'training security-awareness "Annual security awareness" { audience everyone satisfies ISO27001:7.3 every year }',
        'person chief "Chief Security" { employed since 2019-01-01 }',
        'assign chief to ciso since 2020-01-01 appointed by board { announced 2020-01-02 via intranet to all-staff }',
        'completed security-awareness by chief on 2025-02-03 { evidence "LMS export 2025-03-31" }',
        'authority appoint-team "Appoint team roles" { may appoint any role }',
        ''
    ].join('\n');
}

/** The declarations of one team, as a file of its own or as a part of one big file. */
export function teamBlock(team: number, peoplePerTeam = DEFAULT_PEOPLE_PER_TEAM): string {
    const lines = [
        `// Team ${team}`,
        `role lead-${team} "Team ${team} lead" { reports to ceo authorized to appoint-team responsible for duty-${team}-0 requires training security-awareness }`,
        `training tooling-${team} "Team ${team} tooling" { satisfies ISO27001:7.2 every year }`
    ];
    for (let i = 0; i < peoplePerTeam; i++) {
        const id = `${team}-${i}`;
        lines.push(
            `person p-${id} "Person ${id}" {`,
            `    email "p${team}.${i}@bench.example"`,
            '    job title "Engineer"',
            `    employed since 2021-0${1 + (i % 9)}-01`,
            '}',
            `role r-${id} "Role ${id}" { reports to lead-${team} responsible for duty-${id} accountable for duty-${id} requires training security-awareness, tooling-${team} }`,
            `responsibility duty-${id} "Duty ${id}" { satisfies ISO27001:A.5.2 every year }`,
            `assign p-${id} to r-${id} since 2022-01-01 appointed by lead-${team} {`,
            `    evidence "HR-${team}-${i}"`,
            `    announced 2022-01-03 via email to team-${team}`,
            '}',
            `completed security-awareness by p-${id} on 2025-02-${String(3 + (i % 20)).padStart(2, '0')} { evidence "LMS ${id}" }`,
            `completed tooling-${team} by p-${id} on 2025-03-${String(3 + (i % 20)).padStart(2, '0')}`
        );
    }
    lines.push(`assign p-${team}-0 to lead-${team} since 2022-01-01 appointed by board { announced 2022-01-03 via intranet to all-staff }`);
    if (peoplePerTeam > 1) lines.push(`delegate appoint-team from lead-${team} to r-${team}-1 since 2024-01-01 until 2024-12-31`);
    return lines.join('\n') + '\n';
}

export function teamFileName(team: number): string {
    return `team-${String(team).padStart(4, '0')}.mandate`;
}

/** The organization file plus one file per team: the many-files workload. */
export function generateWorkspace(teams: number, peoplePerTeam = DEFAULT_PEOPLE_PER_TEAM): Record<string, string> {
    const files: Record<string, string> = { 'organization.mandate': organizationFile() };
    for (let team = 0; team < teams; team++) files[teamFileName(team)] = teamBlock(team, peoplePerTeam);
    return files;
}

/** The organization file plus every team in one file, as an HR import writes it: the one-big-file workload. */
export function generateBigFile(teams: number, peoplePerTeam = DEFAULT_PEOPLE_PER_TEAM): Record<string, string> {
    const blocks: string[] = [];
    for (let team = 0; team < teams; team++) blocks.push(teamBlock(team, peoplePerTeam));
    return { 'organization.mandate': organizationFile(), 'people.mandate': blocks.join('') };
}

/** Teams needed for about `lines` lines at the given team size. */
export function teamsForLines(lines: number, peoplePerTeam = DEFAULT_PEOPLE_PER_TEAM): number {
    const perTeam = teamBlock(0, peoplePerTeam).split('\n').length - 1;
    return Math.max(1, Math.round((lines - organizationFile().split('\n').length) / perTeam));
}

export function lineCount(files: Record<string, string>): number {
    let count = 0;
    for (const text of Object.values(files)) {
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    }
    return count;
}
