/**
 * Snippets for every kind of declaration. The CISO template carries the duties a typical CISO
 * job description lists, so a new policy starts from a job description an auditor accepts.
 * Dates are `YYYY-MM-DD` placeholders: a snippet left unfilled does not parse, so it cannot
 * pass for a real record. A role's duties come with their `accountable for` line: a duty with
 * a responsible role and no accountable one is a `raci-accountable` error, so a template that
 * wrote only the R would add errors to a clean policy (tests/ciso-template.test.ts). Names that
 * refer to the rest of the policy default to the names the other snippets declare (`board`,
 * the organization snippet's top management).
 */
export interface Snippet {
    /** The keyword the snippet completes. */
    readonly keyword: string;
    readonly label: string;
    readonly detail: string;
    readonly body: string;
}

export const SNIPPETS: readonly Snippet[] = [
    {
        keyword: 'organization',
        label: 'organization',
        detail: 'The organization and its top management',
        body: [
            'organization ${1:acme} "${2:Acme Ltd}" {',
            '\tdescription "${3:What the organization does}"',
            '\ttop management ${4:board}',
            '}$0'
        ].join('\n')
    },
    {
        keyword: 'role',
        label: 'role',
        detail: 'New role with a job description',
        body: [
            'role ${1:role-id} "${2:Role title}" {',
            '\tdescription "${3:What this role is for}"',
            '\treports to ${4:board}',
            // One tab stop for both lines: the role that does the work answers for it, until someone else does.
            '\tresponsible for ${5:responsibility-id}',
            '\taccountable for ${5:responsibility-id}',
            '\tjob description "${6:docs/roles/role-id.md}"',
            '}$0'
        ].join('\n')
    },
    {
        keyword: 'role',
        label: 'role ciso',
        detail: 'CISO role with a typical job description',
        // The CISO job description of the product guide: the comment is the role's doc comment
        // (shown in hovers), each duty a responsibility the role carries.
        body: [
            '// CISO job description: implements and monitors the security policies, reports the ISMS',
            '// indicators to the security committee and top management, manages incidents and investigates',
            '// breaches, works with IT on technical measures, runs awareness training, watches threat trends,',
            '// assesses risks with the other departments and keeps the programme compliant with ISO 27001.',
            'role ${1:ciso} "${2:Chief Information Security Officer}" {',
            '\tdesignated CISO',
            '\treports to ${3:board}',
            '\tresponsible for security-policy, isms-reporting, incident-management, technical-measures,',
            '\t\tawareness-training, threat-monitoring, risk-assessment, iso-compliance',
            // The CISO answers for its own programme (RACI A as well as R), as in examples/acme.
            '\taccountable for security-policy, isms-reporting, incident-management, technical-measures,',
            '\t\tawareness-training, threat-monitoring, risk-assessment, iso-compliance',
            '\tjob description "${4:docs/roles/ciso.md}"',
            '}',
            '',
            'responsibility security-policy "Implement and monitor the information-security policies"',
            'responsibility isms-reporting "Track ISMS performance indicators and report them to the security committee and top management" {',
            '\tsatisfies ISO27001:5.3(b), ISO27001:9.3',
            '\tevery quarter',
            '}',
            'responsibility incident-management "Manage security incidents and investigate breaches"',
            'responsibility technical-measures "Work with IT on technical security measures"',
            'responsibility awareness-training "Run security awareness training" {',
            '\tsatisfies ISO27001:7.3, ISO27001:A.6.3',
            '}',
            'responsibility threat-monitoring "Watch threat trends and advise the organization"',
            'responsibility risk-assessment "Assess information-security risks with other departments"',
            'responsibility iso-compliance "Keep the security programme compliant with ISO 27001" {',
            '\tsatisfies ISO27001:5.3(a)',
            '}$0'
        ].join('\n')
    },
    {
        keyword: 'person',
        label: 'person',
        detail: 'New person on the staff',
        body: [
            'person ${1:person-id} "${2:Full Name}" {',
            '\temail "${3:name@example.com}"',
            '\tjob title "${4:Job title}"',
            '\temployed since ${5:YYYY-MM-DD}',
            '}$0'
        ].join('\n')
    },
    {
        keyword: 'person',
        label: 'person external',
        detail: 'New external person: contractor, interim manager, outsourced officer',
        body: [
            'person ${1:person-id} "${2:Full Name}" {',
            '\texternal "${3:Firm Ltd}"',
            '\tengaged since ${4:YYYY-MM-DD}',
            '}$0'
        ].join('\n')
    },
    {
        keyword: 'responsibility',
        label: 'responsibility',
        detail: 'New responsibility with the requirements it satisfies',
        body: [
            'responsibility ${1:responsibility-id} "${2:What has to be done}" {',
            '\tsatisfies ${3:ISO27001:5.3(a)}',
            '\tevery ${4|quarter,month,year|}',
            '}$0'
        ].join('\n')
    },
    {
        keyword: 'authority',
        label: 'authority',
        detail: 'New authority a role may be given',
        body: [
            'authority ${1:authority-id} "${2:What the holder may decide}" {',
            '\tdescription "${3:Limits of the authority}"',
            '}$0'
        ].join('\n')
    },
    {
        keyword: 'assign',
        label: 'assign',
        detail: 'New assignment with its announcement',
        body: [
            'assign ${1:person-id} to ${2:role-id} since ${3:YYYY-MM-DD} appointed by ${4:board} {',
            '\tevidence "${5:minutes/board-meeting.pdf}"',
            '\tannounced ${6:YYYY-MM-DD} via ${7|intranet,email,all-hands,org-chart,newsletter,meeting|} to ${8:all-staff}',
            '}$0'
        ].join('\n')
    },
    {
        keyword: 'delegate',
        label: 'delegate',
        detail: 'New delegation of a duty for a period',
        body: [
            'delegate ${1:duty-id} from ${2:role-id} to ${3:role-or-person-id} since ${4:YYYY-MM-DD} until ${5:YYYY-MM-DD} {',
            '\tevidence "${6:delegations/letter.pdf}"',
            '}$0'
        ].join('\n')
    },
    {
        keyword: 'training',
        label: 'training',
        detail: 'New training programme with its cadence',
        body: [
            'training ${1:training-id} "${2:Security awareness}" {',
            '\taudience ${3:everyone}',
            '\tsatisfies ${4:ISO27001:7.3}',
            '\tevery ${5|year,quarter,month|}',
            '\twithin ${6:30} days of joining',
            '}$0'
        ].join('\n')
    },
    {
        keyword: 'completed',
        label: 'completed',
        detail: 'A training a person completed',
        body: [
            'completed ${1:training-id} by ${2:person-id} on ${3:YYYY-MM-DD} {',
            '\tevidence "${4:training/certificate.pdf}"',
            '}$0'
        ].join('\n')
    },
    {
        keyword: 'conflict',
        label: 'conflict',
        detail: 'Segregation of duties: one person must not hold both',
        body: 'conflict between ${1:role-or-duty-id} and ${2:role-or-duty-id} "${3:Why one person must not combine them}"$0'
    },
    {
        keyword: 'appointing',
        label: 'appointing body',
        detail: 'A body outside the organization that appoints top management',
        body: [
            'appointing body ${1:shareholders} "${2:Shareholders\' meeting}" {',
            '\tmay appoint ${3:board}',
            '}$0'
        ].join('\n')
    },
    {
        keyword: 'claims',
        label: 'claims',
        detail: 'Statement of applicability: a framework claimed, with exclusions',
        body: [
            'claims ${1:ISO27001} {',
            '\tnot applicable ${2:ISO27001:A.7.1} "${3:Justification}"',
            '}$0'
        ].join('\n')
    },
    {
        keyword: 'framework',
        label: 'framework',
        detail: 'The organization\'s own control set',
        body: [
            'framework ${1:ACME} "${2:Acme internal controls}" {',
            '\trequirement ${1}:${3:AC-01} "${4:What the control requires}"',
            '}$0'
        ].join('\n')
    },
    {
        keyword: 'test',
        label: 'test',
        detail: 'Policy test: expectations checked on a fixed date (mandate test)',
        // A date placeholder, never today: a test pins its date so it passes or fails the same way every day.
        body: [
            'test "${1:what the policy must keep saying}" on ${2:YYYY-MM-DD} {',
            '\texpect holders of ${3:ciso} are ${4:person-id}',
            '\texpect no findings',
            '}$0'
        ].join('\n')
    }
];

/** Channels completion offers after `via`; others are accepted too. */
export const KNOWN_CHANNELS: ReadonlyArray<readonly [channel: string, detail: string]> = [
    ['intranet', 'News post or page on the intranet'],
    ['email', 'Email to the audience'],
    ['all-hands', 'Announced at an all-hands meeting'],
    ['org-chart', 'Published in the organization chart'],
    ['newsletter', 'Internal newsletter'],
    ['meeting', 'Team or department meeting'],
    ['handbook', 'Employee handbook or policy portal'],
    ['letter', 'Letter of appointment shared with the audience']
];
