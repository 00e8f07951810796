/**
 * A synthetic organization for benchmarks: one organization file plus `teams` team files, each
 * with people, roles, responsibilities, assignments with announcements, and a delegation.
 * Every team references the shared files, which is the expensive shape for relinking.
 */
export function generateWorkspace(teams: number, peoplePerTeam = 12): Record<string, string> {
    const files: Record<string, string> = {
        'organization.mandate': [
            'organization bench "Bench Corp" { top management board }',
            'role board "Board of Directors"',
            'role ceo "Chief Executive Officer" { reports to board }',
            'role ciso "Chief Information Security Officer" { designated CISO reports to ceo responsible for isms-reporting, isms-conformance }',
            'responsibility isms-reporting "Report ISMS performance" { satisfies ISO27001:5.3(b) every quarter }',
            'responsibility isms-conformance "Keep the ISMS conforming" { satisfies ISO27001:5.3(a) }',
            'person chief "Chief Security" { employed since 2019-01-01 }',
            'assign chief to ciso since 2020-01-01 appointed by board { announced 2020-01-02 via intranet to all-staff }',
            'authority appoint-team "Appoint team roles" { may appoint any role }',
            ''
        ].join('\n')
    };
    for (let team = 0; team < teams; team++) {
        const lines = [
            `// Team ${team}`,
            `role lead-${team} "Team ${team} lead" { reports to ceo authorized to appoint-team responsible for duty-${team}-0 }`
        ];
        for (let i = 0; i < peoplePerTeam; i++) {
            lines.push(
                `person p-${team}-${i} "Person ${team}-${i}" {`,
                `    email "p${team}.${i}@bench.example"`,
                `    job title "Engineer"`,
                `    employed since 2021-0${1 + (i % 9)}-01`,
                '}',
                `role r-${team}-${i} "Role ${team}-${i}" { reports to lead-${team} responsible for duty-${team}-${i} }`,
                `responsibility duty-${team}-${i} "Duty ${team}-${i}" { satisfies ISO27001:A.5.2 every year }`,
                `assign p-${team}-${i} to r-${team}-${i} since 2022-01-01 appointed by lead-${team} {`,
                `    evidence "hr/${team}-${i}.pdf"`,
                `    announced 2022-01-03 via email to team-${team}`,
                '}'
            );
        }
        lines.push(`assign p-${team}-0 to lead-${team} since 2022-01-01 appointed by board { announced 2022-01-03 via intranet to all-staff }`);
        lines.push(`delegate appoint-team from lead-${team} to r-${team}-1 since 2024-01-01 until 2024-12-31`);
        files[`team-${String(team).padStart(4, '0')}.mandate`] = lines.join('\n') + '\n';
    }
    return files;
}
