/**
 * A generated organization in the policy language, for the scale tests: realistic teams of
 * people with dated, announced and acknowledged appointments, job descriptions, trainings and
 * their completions, and a delegation, all clean at AS_OF. The same text can be written as one
 * file (an HR import) or as an organization file plus one file per team.
 */

/** Deliberate defects, each in its own team, so both layouts must report exactly these. */
export const PLANTED = {
    /** An assignment whose appointer is misspelled. */
    unknownName: 1,
    /** An assignment that was never announced. */
    unannounced: 2,
    /** A person who never completed the team's training. */
    untrained: 3,
    /** A person declared again under the name of team 2's first person. */
    duplicate: 4,
    /** A completion too old for the training's cadence. */
    overdue: 5
} as const;

export const PER_TEAM = 15;

function organization(): string {
    return [
        'organization bench "Bench Corp" { top management board }',
        'appointing body shareholders "General meeting" { may appoint ceo }',
        'role board "Board of Directors" { accountable for isms-conformance informed of isms-reporting }',
        'role ceo "Chief Executive Officer" { reports to board authorized to appoint-team }',
        'role ciso "Chief Information Security Officer" { designated CISO reports to ceo responsible for isms-reporting, isms-conformance accountable for isms-reporting requires training awareness }',
        'responsibility isms-reporting "Report ISMS performance" { satisfies ISO27001:5.3(b) every quarter }',
        'responsibility isms-conformance "Keep the ISMS conforming" { satisfies ISO27001:5.3(a) }',
        'training awareness "Security awareness" { audience everyone every year satisfies ISO27001:7.3 }',
        'authority appoint-team "Appoint team roles" { may appoint any role }',
        'person chief "Chief Security" { employed since 2019-01-01 }',
        'person boss "Boss" { employed since 2015-01-01 }',
        'person director "Director" { employed since 2015-01-01 }',
        'completed awareness by chief on 2025-03-01',
        'completed awareness by boss on 2025-03-01',
        'completed awareness by director on 2025-03-01',
        'assign director to board since 2015-01-01 appointed by shareholders { announced 2015-01-02 via intranet to all-staff acknowledged 2015-01-02 }',
        'assign boss to ceo since 2015-01-01 appointed by board { announced 2015-01-02 via intranet to all-staff acknowledged 2015-01-02 }',
        'assign chief to ciso since 2020-01-01 appointed by board { announced 2020-01-02 via intranet to all-staff acknowledged 2020-01-02 }',
        ''
    ].join('\n');
}

function person(t: number, i: number, planted: boolean): string[] {
    const appointer = planted && t === PLANTED.unknownName && i === 0 ? `lead-persn-${t}` : `lead-person-${t}`;
    const announced = planted && t === PLANTED.unannounced && i === 0 ? [] : [`    announced 2022-01-03 via email to team-${t}`];
    const trained = planted && t === PLANTED.untrained && i === 0 ? [] : [`completed secure-${t} by p-${t}-${i} on ${planted && t === PLANTED.overdue && i === 0 ? '2022-05-01' : '2024-05-01'}`];
    return [
        `person p-${t}-${i} "Person ${t}-${i}" {`,
        `    email "p${t}.${i}@bench.example"`,
        '    job title "Engineer"',
        `    employed since 2021-0${1 + (i % 9)}-01`,
        '}',
        `role r-${t}-${i} "Role ${t}-${i}" {`,
        `    reports to lead-${t}`,
        `    responsible for duty-${t}-${i}`,
        `    accountable for duty-${t}-${i}`,
        `    requires training secure-${t}`,
        `    job description "JD-${t}-${i}" version "1" effective 2022-01-01`,
        '}',
        `responsibility duty-${t}-${i} "Duty ${t}-${i}" { satisfies ISO27001:A.5.2 every year }`,
        `assign p-${t}-${i} to r-${t}-${i} since 2022-01-01 appointed by ${appointer} {`,
        `    evidence "Ticket HR-${t}${i}"`,
        ...announced,
        '    acknowledged 2022-01-04',
        '}',
        `completed awareness by p-${t}-${i} on 2025-01-1${i % 10}`,
        ...trained
    ];
}

function team(t: number, people: number, planted: boolean): string {
    const lines = [
        `// Team ${t}`,
        `training secure-${t} "Team ${t} secure engineering" { every 2 years }`,
        `role lead-${t} "Team ${t} lead" { reports to ceo authorized to appoint-team responsible for duty-${t}-0 requires training secure-${t} }`,
        `person lead-person-${t} "Lead ${t}" { email "lead${t}@bench.example" employed since 2018-01-01 }`,
        `assign lead-person-${t} to lead-${t} since 2020-01-01 appointed by boss { announced 2020-01-02 via intranet to all-staff acknowledged 2020-01-03 }`,
        `completed awareness by lead-person-${t} on 2025-02-01`,
        `completed secure-${t} by lead-person-${t} on 2024-06-01`
    ];
    for (let i = 0; i < people; i++) lines.push(...person(t, i, planted));
    if (planted && t === PLANTED.duplicate) lines.push(`person p-${PLANTED.unannounced}-0 "Person ${PLANTED.unannounced}-0, again" { employed since 2021-01-01 }`);
    lines.push(`delegate appoint-team from lead-${t} to r-${t}-1 since 2024-01-01 until 2024-12-31 { evidence "Ticket HR-D${t}" }`);
    return lines.join('\n') + '\n';
}

/** An organization of `people` team members (plus leads and executives), as one text per team. */
export function organizationOf(people: number, planted = false): { organization: string; teams: string[] } {
    const teams: string[] = [];
    for (let t = 0; t * PER_TEAM < people; t++) teams.push(team(t, Math.min(PER_TEAM, people - t * PER_TEAM), planted));
    return { organization: organization(), teams };
}

/** The whole organization in one file. */
export function oneFile(people: number, planted = false): Record<string, string> {
    const { organization, teams } = organizationOf(people, planted);
    return { 'policy.mandate': [organization, ...teams].join('') };
}

/** The same text over an organization file and one file per team. */
export function splitFiles(people: number, planted = false): Record<string, string> {
    const { organization, teams } = organizationOf(people, planted);
    return Object.fromEntries([['organization.mandate', organization], ...teams.map((text, t) => [`team-${String(t).padStart(4, '0')}.mandate`, text])]);
}
