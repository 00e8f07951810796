/**
 * HIPAA Security Rule (45 CFR Part 164, Subpart C): every standard and implementation
 * specification of 164.308, 164.310, 164.312, 164.314 and 164.316, cited as
 * `HIPAA:164.308(a)(1)` (a standard) or `HIPAA:164.308(a)(1)(ii)(A)` (one of its
 * implementation specifications). A standard is cited without its `(i)`, as HHS does.
 * Each title says whether a specification is required or addressable, since that is
 * what an assessor asks first. Titles are short paraphrases in our own words.
 */
import type { FrameworkDefinition, RequirementDefinition } from './types.js';

/** The five sections, for grouping in listings; headings, not requirements. */
export const HIPAA_SECTIONS: ReadonlyArray<{ readonly section: string; readonly title: string }> = [
    { section: '164.308', title: 'Administrative safeguards' },
    { section: '164.310', title: 'Physical safeguards' },
    { section: '164.312', title: 'Technical safeguards' },
    { section: '164.314', title: 'Organizational requirements' },
    { section: '164.316', title: 'Policies, procedures and documentation' }
];

type Specification = readonly [clause: string, title: string];

/** A standard followed by its implementation specifications, which name it as parent. */
function standard(clause: string, title: string, specifications: readonly Specification[] = []): RequirementDefinition[] {
    return [{ clause, title }, ...specifications.map(([spec, specTitle]) => ({ clause: spec, title: specTitle, parent: clause }))];
}

const ADMINISTRATIVE: RequirementDefinition[] = [
    ...standard('164.308(a)(1)', 'Security management process (standard): prevent, detect, contain and correct security violations', [
        ['164.308(a)(1)(ii)(A)', 'Risk analysis (required): assess the risks and vulnerabilities to ePHI accurately and thoroughly'],
        ['164.308(a)(1)(ii)(B)', 'Risk management (required): bring risks and vulnerabilities down to a reasonable, appropriate level'],
        ['164.308(a)(1)(ii)(C)', 'Sanction policy (required): sanction workforce members who break security policies'],
        ['164.308(a)(1)(ii)(D)', 'Information system activity review (required): regularly review audit logs, access and incident reports']
    ]),
    ...standard('164.308(a)(2)', 'A security official is named as responsible for security policies and procedures'),
    ...standard('164.308(a)(3)', 'Workforce security (standard): staff get appropriate access to ePHI and others are kept out', [
        ['164.308(a)(3)(ii)(A)', 'Authorization and/or supervision (addressable): authorise or supervise staff who work with ePHI'],
        ['164.308(a)(3)(ii)(B)', 'Workforce clearance procedure (addressable): check that a staff member\'s access to ePHI is appropriate'],
        ['164.308(a)(3)(ii)(C)', 'Termination procedures (addressable): end access to ePHI when employment or the need ends']
    ]),
    ...standard('164.308(a)(4)', 'Information access management (standard): authorise access to ePHI in line with the Privacy Rule', [
        ['164.308(a)(4)(ii)(A)', 'Isolating clearinghouse functions (required): shield a clearinghouse\'s ePHI from the wider organization'],
        ['164.308(a)(4)(ii)(B)', 'Access authorization (addressable): policies for granting access to ePHI'],
        ['164.308(a)(4)(ii)(C)', 'Access establishment and modification (addressable): set up, document, review and change access rights']
    ]),
    ...standard('164.308(a)(5)', 'Security awareness and training (standard): a programme for the whole workforce, management included', [
        ['164.308(a)(5)(ii)(A)', 'Security reminders (addressable): periodic security updates'],
        ['164.308(a)(5)(ii)(B)', 'Protection from malicious software (addressable): guard against, detect and report malware'],
        ['164.308(a)(5)(ii)(C)', 'Log-in monitoring (addressable): watch log-in attempts and report discrepancies'],
        ['164.308(a)(5)(ii)(D)', 'Password management (addressable): create, change and safeguard passwords']
    ]),
    ...standard('164.308(a)(6)', 'Security incident procedures (standard): policies for dealing with security incidents', [
        ['164.308(a)(6)(ii)', 'Response and reporting (required): identify, respond to, mitigate and document security incidents']
    ]),
    ...standard('164.308(a)(7)', 'Contingency plan (standard): respond to emergencies that damage systems holding ePHI', [
        ['164.308(a)(7)(ii)(A)', 'Data backup plan (required): keep retrievable exact copies of ePHI'],
        ['164.308(a)(7)(ii)(B)', 'Disaster recovery plan (required): restore any data that is lost'],
        ['164.308(a)(7)(ii)(C)', 'Emergency mode operation plan (required): keep critical processes and ePHI protection going in an emergency'],
        ['164.308(a)(7)(ii)(D)', 'Testing and revision procedures (addressable): test and revise the contingency plans periodically'],
        ['164.308(a)(7)(ii)(E)', 'Applications and data criticality analysis (addressable): rank applications and data for contingency plans']
    ]),
    ...standard('164.308(a)(8)', 'Evaluation (standard): periodic technical and non-technical evaluation against the Security Rule'),
    ...standard('164.308(b)(1)', 'Business associate contracts (standard): obtain assurances before a business associate handles ePHI'),
    // (b)(2) extends the standard to subcontractors; (b)(3) is the specification for both.
    { clause: '164.308(b)(2)', title: 'Subcontractors (standard): a business associate obtains the same assurances from its subcontractors' },
    {
        clause: '164.308(b)(3)',
        title: 'Written contract or other arrangement (required): document the assurances in a contract or arrangement',
        parent: '164.308(b)(1)'
    }
];

const PHYSICAL: RequirementDefinition[] = [
    ...standard('164.310(a)(1)', 'Facility access controls (standard): limit physical access to systems and their facilities', [
        ['164.310(a)(2)(i)', 'Contingency operations (addressable): facility access to restore data in an emergency'],
        ['164.310(a)(2)(ii)', 'Facility security plan (addressable): protect facility and equipment from unauthorised access and theft'],
        ['164.310(a)(2)(iii)', 'Access control and validation procedures (addressable): control and validate people\'s access by role'],
        ['164.310(a)(2)(iv)', 'Maintenance records (addressable): record repairs and changes to physical security components']
    ]),
    ...standard('164.310(b)', 'Workstation use (standard): set the proper functions and surroundings of workstations with ePHI'),
    ...standard('164.310(c)', 'Workstation security (standard): physical safeguards keep workstations to authorised users'),
    ...standard('164.310(d)(1)', 'Device and media controls (standard): govern hardware and media with ePHI coming in and going out', [
        ['164.310(d)(2)(i)', 'Disposal (required): final disposal of ePHI and of the hardware or media holding it'],
        ['164.310(d)(2)(ii)', 'Media re-use (required): remove ePHI before media is re-used'],
        ['164.310(d)(2)(iii)', 'Accountability (addressable): record movements of hardware and media and who is responsible'],
        ['164.310(d)(2)(iv)', 'Data backup and storage (addressable): make an exact copy of ePHI before equipment is moved']
    ])
];

const TECHNICAL: RequirementDefinition[] = [
    ...standard('164.312(a)(1)', 'Access control (standard): only authorised people and software can reach systems holding ePHI', [
        ['164.312(a)(2)(i)', 'Unique user identification (required): a unique name or number to identify and track each user'],
        ['164.312(a)(2)(ii)', 'Emergency access procedure (required): get at needed ePHI during an emergency'],
        ['164.312(a)(2)(iii)', 'Automatic logoff (addressable): end sessions after a set period of inactivity'],
        ['164.312(a)(2)(iv)', 'Encryption and decryption (addressable): encrypt and decrypt ePHI']
    ]),
    ...standard('164.312(b)', 'Audit controls (standard): record and examine activity in systems holding ePHI'),
    ...standard('164.312(c)(1)', 'Integrity (standard): protect ePHI from improper alteration or destruction', [
        ['164.312(c)(2)', 'Mechanism to authenticate ePHI (addressable): confirm ePHI was not improperly altered or destroyed']
    ]),
    ...standard('164.312(d)', 'Person or entity authentication (standard): verify that whoever seeks access is who they claim'),
    ...standard('164.312(e)(1)', 'Transmission security (standard): guard ePHI sent over networks against unauthorised access', [
        ['164.312(e)(2)(i)', 'Integrity controls (addressable): detect improper changes to ePHI in transit'],
        ['164.312(e)(2)(ii)', 'Encryption (addressable): encrypt ePHI in transit where appropriate']
    ])
];

const ORGANIZATIONAL: RequirementDefinition[] = [
    ...standard('164.314(a)(1)', 'Business associate contracts or other arrangements (standard): they meet the Security Rule\'s terms', [
        ['164.314(a)(2)(i)', 'Business associate contracts (required): the associate complies, binds subcontractors, reports incidents'],
        ['164.314(a)(2)(ii)', 'Other arrangements (required): arrangements between government bodies or required by law'],
        ['164.314(a)(2)(iii)', 'Subcontractor contracts (required): the same terms apply between an associate and its subcontractor']
    ]),
    ...standard('164.314(b)(1)', 'Group health plans (standard): plan documents make the sponsor safeguard ePHI', [
        ['164.314(b)(2)', 'Plan document terms (required): the sponsor safeguards and separates ePHI, binds agents, reports incidents']
    ])
];

const DOCUMENTATION: RequirementDefinition[] = [
    ...standard('164.316(a)', 'Policies and procedures (standard): reasonable, appropriate policies to comply with the Security Rule'),
    ...standard('164.316(b)(1)', 'Documentation (standard): keep policies and records of required actions and assessments in writing', [
        ['164.316(b)(2)(i)', 'Time limit (required): keep documentation six years from creation or last effective date'],
        ['164.316(b)(2)(ii)', 'Availability (required): make documentation available to those who carry out the procedures'],
        ['164.316(b)(2)(iii)', 'Updates (required): review documentation periodically and update it as needed']
    ])
];

export const HIPAA: FrameworkDefinition = {
    prefix: 'HIPAA',
    name: 'HIPAA Security Rule',
    requirements: [...ADMINISTRATIVE, ...PHYSICAL, ...TECHNICAL, ...ORGANIZATIONAL, ...DOCUMENTATION]
};
