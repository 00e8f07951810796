/**
 * The built-in standards catalogue: the requirements a responsibility, authority or
 * training can claim to satisfy. Titles are short paraphrases in our own words; the
 * standards' text is deliberately not reproduced.
 */
export interface Framework {
    /** Prefix used in policy files, before the colon: `ISO27001:5.3(b)`. */
    readonly prefix: string;
    readonly name: string;
}

export interface Requirement {
    /** Identifier as written in a policy, e.g. `ISO27001:5.3(b)`. */
    readonly id: string;
    readonly framework: string;
    /** Clause or control number within the framework, e.g. `5.3(b)`. */
    readonly clause: string;
    readonly title: string;
}

export const FRAMEWORKS: readonly Framework[] = [
    { prefix: 'ISO27001', name: 'ISO/IEC 27001:2022' },
    { prefix: 'NIST-CSF', name: 'NIST Cybersecurity Framework 2.0' },
    { prefix: 'SOC2', name: 'SOC 2 Trust Services Criteria' },
    { prefix: 'PCI-DSS', name: 'PCI DSS v4.0' },
    { prefix: 'HIPAA', name: 'HIPAA Security Rule' }
];

function entries(prefix: string, list: ReadonlyArray<readonly [clause: string, title: string]>): Requirement[] {
    return list.map(([clause, title]) => ({ id: `${prefix}:${clause}`, framework: prefix, clause, title }));
}

export const REQUIREMENTS: readonly Requirement[] = [
    ...entries('ISO27001', [
        ['5.1', 'Top management shows leadership and commitment to the ISMS'],
        ['5.3(a)', 'A role is assigned to make the ISMS conform to the standard'],
        ['5.3(b)', 'A role is assigned to report ISMS performance to top management'],
        ['7.2', 'People doing security work are competent, and that is evidenced'],
        ['7.3', 'People are aware of the policy, their contribution and the consequences of not conforming'],
        ['7.4', 'What is communicated about the ISMS, when, to whom and by whom is decided'],
        ['7.5', 'ISMS documentation is created, controlled and kept'],
        ['9.3', 'Top management reviews the ISMS at planned intervals'],
        ['A.5.2', 'Security roles and responsibilities are defined and allocated'],
        ['A.5.3', 'Conflicting duties and areas of responsibility are segregated'],
        ['A.5.4', 'Management requires everyone to apply security per policy'],
        ['A.6.2', 'Employment terms state security responsibilities'],
        ['A.6.3', 'Staff receive security awareness, education and training'],
        ['A.6.5', 'Security duties that outlast employment are defined and enforced']
    ]),
    ...entries('NIST-CSF', [
        ['GV.RR-01', 'Leadership is accountable for cybersecurity risk and fosters a risk-aware culture'],
        ['GV.RR-02', 'Cybersecurity roles, responsibilities and authorities are set, communicated and enforced'],
        ['GV.RR-03', 'Resources for cybersecurity are adequate to the risk strategy'],
        ['GV.RR-04', 'Cybersecurity is part of human-resources practice']
    ]),
    ...entries('SOC2', [
        ['CC1.3', 'Management sets structures, reporting lines, authorities and responsibilities'],
        ['CC1.4', 'The entity attracts, develops and keeps competent people']
    ]),
    ...entries('PCI-DSS', [
        ['12.1.3', 'Security roles and responsibilities are defined and acknowledged by all personnel'],
        ['12.1.4', 'An executive is formally given responsibility for information security']
    ]),
    ...entries('HIPAA', [
        ['164.308(a)(2)', 'A security official is named as responsible for security policies and procedures']
    ])
];

/** The two assignments clause 5.3 requires; the checks refer to them by these names. */
export const ISMS_CONFORMANCE = 'ISO27001:5.3(a)';
export const ISMS_REPORTING = 'ISO27001:5.3(b)';
