/**
 * ISO/IEC 27001:2022 clauses 4–10 with the lettered (and numbered) items auditors cite,
 * e.g. `5.3(b)` or `6.1.2(c)(2)`. Titles are short paraphrases in our own words; the
 * standard's text is deliberately not reproduced. Parents are derived in iso27001.ts.
 */

type Entry = readonly [clause: string, title: string];

/** An item's title, or its title and the titles of its numbered sub-items. */
type Item = string | readonly [title: string, subItems: readonly string[]];

/**
 * `items('5.3', ['x', 'y'])` gives `5.3(a)` and `5.3(b)`; an item given as
 * `['x', ['p', 'q']]` is followed by `(a)(1)` and `(a)(2)`, keeping the standard's order.
 */
function items(clause: string, list: readonly Item[]): Entry[] {
    return list.flatMap((item, index) => {
        const id = `${clause}(${String.fromCharCode(97 + index)})`;
        if (typeof item === 'string') return [[id, item] as const];
        const [title, subItems] = item;
        return [[id, title] as const, ...subItems.map((sub, n) => [`${id}(${n + 1})`, sub] as const)];
    });
}

export const ISO27001_CLAUSES: readonly Entry[] = [
    // 4 Context of the organization
    ['4.1', 'The organization knows the internal and external issues that bear on its ISMS'],
    ['4.2', 'The interested parties and what they expect of the ISMS are known'],
    ...items('4.2', [
        'The interested parties that matter to the ISMS are identified',
        'Their relevant requirements are identified',
        'It is decided which of those requirements the ISMS will address'
    ]),
    ['4.3', 'The boundaries and applicability of the ISMS are set and documented'],
    ...items('4.3', [
        'The scope takes the issues of 4.1 into account',
        'The scope takes the requirements of 4.2 into account',
        'The scope takes interfaces and dependencies with others into account'
    ]),
    ['4.4', 'An ISMS is established, implemented, maintained and continually improved'],

    // 5 Leadership
    ['5.1', 'Top management shows leadership and commitment to the ISMS'],
    ...items('5.1', [
        'Security policy and objectives exist and fit the strategic direction',
        'ISMS requirements are built into business processes',
        'The ISMS has the resources it needs',
        'Top management communicates why security and conformity matter',
        'Top management makes sure the ISMS achieves what it is meant to',
        'People are directed and supported to make the ISMS effective',
        'Continual improvement is promoted',
        'Other managers are supported in leading security in their areas'
    ]),
    ['5.2', 'Top management sets an information security policy'],
    ...items('5.2', [
        'The policy suits the purpose of the organization',
        'The policy contains security objectives or a way to set them',
        'The policy commits to meeting applicable security requirements',
        'The policy commits to continual improvement of the ISMS',
        'The policy is kept as documented information',
        'The policy is communicated inside the organization',
        'The policy is available to interested parties where appropriate'
    ]),
    ['5.3', 'Top management assigns and communicates security roles, responsibilities and authorities'],
    ['5.3(a)', 'A role is assigned to make the ISMS conform to the standard'],
    ['5.3(b)', 'A role is assigned to report ISMS performance to top management'],

    // 6 Planning
    ['6.1', 'Risks and opportunities for the ISMS are addressed'],
    ['6.1.1', 'Risks and opportunities are determined and actions on them are planned'],
    ...items('6.1.1', [
        'Planning aims at the ISMS achieving its intended outcomes',
        'Planning aims at preventing or reducing undesired effects',
        'Planning aims at continual improvement',
        'Actions on the risks and opportunities are planned',
        ['It is planned how those actions are put into practice and evaluated', [
            'The actions are integrated into ISMS processes',
            'The effectiveness of the actions is evaluated'
        ]]
    ]),
    ['6.1.2', 'A security risk assessment process is defined and applied'],
    ...items('6.1.2', [
        ['Risk criteria are set and maintained', [
            'Criteria for accepting risk are set',
            'Criteria for carrying out risk assessments are set'
        ]],
        'Repeated assessments give consistent, valid and comparable results',
        ['Security risks are identified', [
            'Risks to confidentiality, integrity and availability within scope are identified',
            'An owner is identified for each risk'
        ]],
        ['Identified risks are analysed', [
            'Consequences of each risk materializing are assessed',
            'The realistic likelihood of each risk is assessed',
            'A level is determined for each risk'
        ]],
        ['Analysed risks are evaluated', [
            'Risk analysis results are compared with the risk criteria',
            'Analysed risks are prioritized for treatment'
        ]]
    ]),
    ['6.1.3', 'A security risk treatment process is defined and applied'],
    ...items('6.1.3', [
        'Treatment options are chosen for the assessed risks',
        'The controls needed to implement the treatment are determined',
        'The chosen controls are checked against Annex A so none is missed',
        'A statement of applicability justifies each control included or excluded',
        'A risk treatment plan is drawn up',
        'Risk owners approve the plan and accept the residual risks'
    ]),
    ['6.2', 'Security objectives are set and planned for at relevant functions and levels'],
    ...items('6.2', [
        'Objectives are consistent with the security policy',
        'Objectives are measurable where practicable',
        'Objectives reflect applicable requirements and risk results',
        'Objectives are monitored',
        'Objectives are communicated',
        'Objectives are updated when needed',
        'Objectives are kept as documented information',
        'Plans say what will be done to meet the objectives',
        'Plans say which resources are needed',
        'Plans say who is responsible',
        'Plans say when the work will be finished',
        'Plans say how results will be evaluated'
    ]),
    ['6.3', 'Changes to the ISMS are made in a planned way'],

    // 7 Support
    ['7.1', 'Resources for the ISMS are determined and provided'],
    ['7.2', 'People doing security work are competent, and that is evidenced'],
    ...items('7.2', [
        'The competence needed for security work is determined',
        'People are competent through education, training or experience',
        'Gaps are closed by action whose effectiveness is evaluated',
        'Evidence of competence is kept'
    ]),
    ['7.3', 'People are aware of the policy, their contribution and the consequences of not conforming'],
    ...items('7.3', [
        'People are aware of the security policy',
        'People know how they contribute to an effective ISMS',
        'People know what follows from not conforming'
    ]),
    ['7.4', 'What is communicated about the ISMS, when, to whom and by whom is decided'],
    ...items('7.4', [
        'It is decided what to communicate',
        'It is decided when to communicate',
        'It is decided with whom to communicate',
        'It is decided how to communicate'
    ]),
    ['7.5', 'ISMS documentation is created, controlled and kept'],
    ['7.5.1', 'The ISMS has the documented information it needs'],
    ...items('7.5.1', [
        'Documented information the standard asks for is kept',
        'Documented information the organization finds necessary is kept'
    ]),
    ['7.5.2', 'Documented information is properly created and updated'],
    ...items('7.5.2', [
        'Documents are identified and described',
        'Documents have a suitable format and medium',
        'Documents are reviewed and approved'
    ]),
    ['7.5.3', 'Documented information is controlled'],
    ...items('7.5.3', [
        'Documents are available and fit for use where needed',
        'Documents are adequately protected',
        'Distribution, access, retrieval and use are controlled',
        'Storage and preservation, including legibility, are controlled',
        'Changes and versions are controlled',
        'Retention and disposal are controlled'
    ]),

    // 8 Operation
    ['8.1', 'Processes needed for the ISMS are planned, run and controlled'],
    ['8.2', 'Risk assessments are carried out at planned intervals and on significant change'],
    ['8.3', 'The risk treatment plan is carried out'],

    // 9 Performance evaluation
    ['9.1', 'Security performance and ISMS effectiveness are monitored, measured and evaluated'],
    ...items('9.1', [
        'It is decided what to monitor and measure',
        'Methods giving valid, comparable results are chosen',
        'It is decided when to monitor and measure',
        'It is decided who monitors and measures',
        'It is decided when results are analysed and evaluated',
        'It is decided who analyses and evaluates results'
    ]),
    ['9.2', 'Internal audits of the ISMS are carried out at planned intervals'],
    ['9.2.1', 'Internal audits show whether the ISMS conforms and works'],
    ...items('9.2.1', [
        ['Audits check conformity with the requirements that apply', [
            "Audits check against the organization's own ISMS requirements",
            'Audits check against the requirements of the standard'
        ]],
        'Audits check the ISMS is effectively implemented and maintained'
    ]),
    ['9.2.2', 'An internal audit programme is planned and run'],
    ...items('9.2.2', [
        'Criteria and scope are set for each audit',
        'Auditors are chosen and audits run objectively and impartially',
        'Audit results are reported to the relevant management'
    ]),
    ['9.3', 'Top management reviews the ISMS at planned intervals'],
    ['9.3.1', 'Management reviews check that the ISMS still fits its purpose and works'],
    ['9.3.2', 'Management reviews consider the inputs the standard lists'],
    ...items('9.3.2', [
        'The review considers actions from earlier reviews',
        'The review considers changed internal and external issues',
        'The review considers changed needs of interested parties',
        ['The review considers security performance and its trends', [
            'Trends in nonconformities and corrective actions are reviewed',
            'Trends in monitoring and measurement results are reviewed',
            'Trends in audit results are reviewed',
            'Progress on security objectives is reviewed'
        ]],
        'The review considers feedback from interested parties',
        'The review considers risk assessment results and treatment progress',
        'The review considers opportunities for improvement'
    ]),
    ['9.3.3', 'Management reviews end in decisions on improvement and change'],

    // 10 Improvement
    ['10.1', 'The ISMS is continually improved'],
    ['10.2', 'Nonconformities are dealt with and corrected at their cause'],
    ...items('10.2', [
        ['The organization reacts to a nonconformity', [
            'The nonconformity is controlled and corrected',
            'Its consequences are dealt with'
        ]],
        ['The need to remove its causes is evaluated', [
            'The nonconformity is reviewed',
            'Its causes are determined',
            'Similar nonconformities, existing or possible, are looked for'
        ]],
        'The actions needed are carried out',
        'The effectiveness of corrective action is reviewed',
        'The ISMS is changed where necessary',
        'The nature of nonconformities and actions taken is recorded',
        'The results of corrective action are recorded'
    ])
];
