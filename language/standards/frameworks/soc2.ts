/**
 * SOC 2 Trust Services Criteria (2017, points of focus revised 2022): the 33 common
 * criteria CC1.1–CC9.2 and the additional criteria for availability (A), confidentiality
 * (C), processing integrity (PI) and privacy (P), cited as `SOC2:CC6.3` or `SOC2:P4.2`.
 * Titles are short paraphrases in our own words, not the criteria's text.
 */
import type { FrameworkDefinition, RequirementDefinition } from './types.js';

/**
 * The series the criteria are grouped in (CC1 control environment, …, P8). They are
 * headings for listings, not criteria an auditor tests, so they are not requirements.
 */
export const SOC2_SERIES: ReadonlyArray<{ readonly series: string; readonly title: string }> = [
    { series: 'CC1', title: 'Control environment' },
    { series: 'CC2', title: 'Communication and information' },
    { series: 'CC3', title: 'Risk assessment' },
    { series: 'CC4', title: 'Monitoring activities' },
    { series: 'CC5', title: 'Control activities' },
    { series: 'CC6', title: 'Logical and physical access controls' },
    { series: 'CC7', title: 'System operations' },
    { series: 'CC8', title: 'Change management' },
    { series: 'CC9', title: 'Risk mitigation' },
    { series: 'A1', title: 'Availability' },
    { series: 'C1', title: 'Confidentiality' },
    { series: 'PI1', title: 'Processing integrity' },
    { series: 'P1', title: 'Privacy: notice of privacy objectives' },
    { series: 'P2', title: 'Privacy: choice and consent' },
    { series: 'P3', title: 'Privacy: collection' },
    { series: 'P4', title: 'Privacy: use, retention and disposal' },
    { series: 'P5', title: 'Privacy: access by data subjects' },
    { series: 'P6', title: 'Privacy: disclosure and notification' },
    { series: 'P7', title: 'Privacy: quality' },
    { series: 'P8', title: 'Privacy: monitoring and enforcement' }
];

const COMMON_CRITERIA: RequirementDefinition[] = [
    { clause: 'CC1.1', title: 'The entity shows commitment to integrity and ethical values' },
    { clause: 'CC1.2', title: 'The board is independent of management and oversees internal control' },
    { clause: 'CC1.3', title: 'Management sets structures, reporting lines, authorities and responsibilities' },
    { clause: 'CC1.4', title: 'The entity attracts, develops and keeps competent people' },
    { clause: 'CC1.5', title: 'People are held accountable for their internal control responsibilities' },
    { clause: 'CC2.1', title: 'Relevant, good-quality information is obtained or produced to support internal control' },
    { clause: 'CC2.2', title: 'Internal control objectives and responsibilities are communicated inside the entity' },
    { clause: 'CC2.3', title: 'Matters affecting internal control are communicated with external parties' },
    { clause: 'CC3.1', title: 'Objectives are clear enough for the risks to them to be identified and assessed' },
    { clause: 'CC3.2', title: 'Risks to objectives are identified across the entity and analysed to decide how to manage them' },
    { clause: 'CC3.3', title: 'The potential for fraud is considered when assessing risk' },
    { clause: 'CC3.4', title: 'Changes that could significantly affect internal control are identified and assessed' },
    { clause: 'CC4.1', title: 'Ongoing or separate evaluations check that the parts of internal control are present and working' },
    { clause: 'CC4.2', title: 'Control deficiencies are evaluated and reported in time to those who must act on them' },
    { clause: 'CC5.1', title: 'Control activities are chosen and developed to bring risks down to acceptable levels' },
    { clause: 'CC5.2', title: 'General control activities over technology are chosen and developed' },
    { clause: 'CC5.3', title: 'Controls are deployed through policies and the procedures that put them into action' },
    { clause: 'CC6.1', title: 'Logical access software, infrastructure and architecture protect information assets' },
    { clause: 'CC6.2', title: 'Users are registered and authorised before getting credentials, and removed when no longer authorised' },
    { clause: 'CC6.3', title: 'Access is granted, changed and removed by role, least privilege and segregation of duties' },
    { clause: 'CC6.4', title: 'Physical access to facilities and protected assets is limited to authorised people' },
    { clause: 'CC6.5', title: 'Protection of an asset is dropped only once its data can no longer be read or recovered' },
    { clause: 'CC6.6', title: 'Logical access measures protect against threats from outside the system boundary' },
    { clause: 'CC6.7', title: 'Moving or removing information is limited to authorised users and protected in transit' },
    { clause: 'CC6.8', title: 'Unauthorised or malicious software is prevented, or detected and acted on' },
    { clause: 'CC7.1', title: 'Detection and monitoring find configuration changes that add vulnerabilities, and new vulnerabilities' },
    { clause: 'CC7.2', title: 'System components are monitored for anomalies that point to attacks, disasters or errors' },
    { clause: 'CC7.3', title: 'Security events are evaluated to decide whether they are incidents' },
    { clause: 'CC7.4', title: 'Security incidents are handled through a defined incident response programme' },
    { clause: 'CC7.5', title: 'Recovery from security incidents is planned and carried out' },
    { clause: 'CC8.1', title: 'Changes to infrastructure, data, software and procedures are authorised, tested, approved and implemented' },
    { clause: 'CC9.1', title: 'Mitigations for the risk of business disruption are identified, chosen and developed' },
    { clause: 'CC9.2', title: 'Risks from vendors and business partners are assessed and managed' }
];

const ADDITIONAL_CRITERIA: RequirementDefinition[] = [
    { clause: 'A1.1', title: 'Capacity and use of system components are tracked and evaluated to meet demand' },
    { clause: 'A1.2', title: 'Environmental protections, backups and recovery infrastructure are put in place and maintained' },
    { clause: 'A1.3', title: 'Recovery plan procedures are tested' },
    { clause: 'C1.1', title: 'Confidential information is identified and kept so confidentiality objectives are met' },
    { clause: 'C1.2', title: 'Confidential information is disposed of so confidentiality objectives are met' },
    { clause: 'PI1.1', title: 'Information on processing objectives, data definitions and specifications is obtained and communicated' },
    { clause: 'PI1.2', title: 'Policies and procedures keep system inputs complete and accurate' },
    { clause: 'PI1.3', title: 'Policies and procedures keep system processing complete, accurate and timely' },
    { clause: 'PI1.4', title: 'Output is complete, accurate and timely, and delivered only to its intended recipients' },
    { clause: 'PI1.5', title: 'Stored inputs, work in progress and outputs are kept complete, accurate and protected' },
    { clause: 'P1.1', title: 'Data subjects are told about the privacy practices' },
    { clause: 'P2.1', title: 'Choices about personal information are communicated and consent is obtained' },
    { clause: 'P3.1', title: 'Personal information is collected only as far as the privacy objectives allow' },
    { clause: 'P3.2', title: 'Explicit consent is asked for and obtained where collection needs it' },
    { clause: 'P4.1', title: 'Personal information is used only for the purposes stated' },
    { clause: 'P4.2', title: 'Personal information is kept only as long as the objectives require' },
    { clause: 'P4.3', title: 'Personal information is disposed of securely' },
    { clause: 'P5.1', title: 'Identified data subjects can see the personal information held about them' },
    { clause: 'P5.2', title: 'Personal information is corrected or annotated when the data subject asks' },
    { clause: 'P6.1', title: 'Personal information goes to third parties only with the data subject\'s consent' },
    { clause: 'P6.2', title: 'A complete and accurate record of authorised disclosures is kept' },
    { clause: 'P6.3', title: 'A record of detected or reported unauthorised disclosures, breaches included, is kept' },
    { clause: 'P6.4', title: 'Vendors with access to personal information commit to privacy duties and are checked' },
    { clause: 'P6.5', title: 'Vendors commit to tell the entity about unauthorised disclosures' },
    { clause: 'P6.6', title: 'Affected data subjects, regulators and others are notified of breaches and incidents' },
    { clause: 'P6.7', title: 'Data subjects can get an account of the personal information held and disclosed' },
    { clause: 'P7.1', title: 'Personal information is kept accurate, complete, current and relevant' },
    { clause: 'P8.1', title: 'Privacy inquiries, complaints and disputes are handled and resolved, and compliance is monitored' }
];

export const SOC2: FrameworkDefinition = {
    prefix: 'SOC2',
    name: 'SOC 2 Trust Services Criteria',
    requirements: [...COMMON_CRITERIA, ...ADDITIONAL_CRITERIA]
};
