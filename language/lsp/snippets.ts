/**
 * Snippets for the blocks people write most. The CISO template carries the duties a typical
 * CISO job description lists, so a new policy starts from a job description an auditor accepts.
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
        keyword: 'role',
        label: 'role',
        detail: 'New role with a job description',
        body: [
            'role ${1:role-id} "${2:Role title}" {',
            '\tdescription "${3:What this role is for}"',
            '\treports to ${4:ceo}',
            '\tresponsible for ${5:responsibility-id}',
            '\tjob description "${6:docs/roles/role-id.md}"',
            '}$0'
        ].join('\n')
    },
    {
        keyword: 'role',
        label: 'role ciso',
        detail: 'CISO role with a typical job description',
        body: [
            'role ${1:ciso} "${2:Chief Information Security Officer}" {',
            '\tdesignated CISO',
            '\treports to ${3:ceo}',
            '\tresponsible for security-policy, isms-reporting, incident-management, technical-measures,',
            '\t\tawareness-training, threat-monitoring, risk-assessment, iso-compliance',
            '\tjob description "${4:docs/roles/ciso.md}"',
            '}',
            '',
            'responsibility security-policy "Implement and monitor the information-security policies"',
            'responsibility isms-reporting "Track ISMS performance indicators and report them to top management" {',
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
        keyword: 'assign',
        label: 'assign',
        detail: 'New assignment with its announcement',
        body: [
            'assign ${1:person-id} to ${2:role-id} since ${3:2025-01-01} appointed by ${4:board} {',
            '\tevidence "${5:minutes/board-meeting.pdf}"',
            '\tannounced ${6:2025-01-06} via ${7|intranet,email,all-hands,org-chart,newsletter,meeting|} to ${8:all-staff}',
            '}$0'
        ].join('\n')
    },
    {
        keyword: 'person',
        label: 'person',
        detail: 'New person',
        body: [
            'person ${1:person-id} "${2:Full Name}" {',
            '\temail "${3:name@example.com}"',
            '\tjob title "${4:Job title}"',
            '\temployed since ${5:2025-01-01}',
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
