/**
 * PCI DSS v4.0.1, as far as a roles-and-responsibilities policy can evidence it: all of
 * requirement 12 (12.1–12.10.7 with their sub-requirements), and the item of each
 * other principal requirement that says who performs its activities (1.1.2 … 11.1.2;
 * 12.1.3 plays that part for requirement 12). Cited as `PCI-DSS:12.8.2`. Titles are
 * short paraphrases in our own words, not the standard's text.
 */
import type { FrameworkDefinition, RequirementDefinition } from './types.js';

/** The twelve principal requirements, for grouping in listings; headings, not requirements. */
export const PCI_DSS_PRINCIPAL_REQUIREMENTS: ReadonlyArray<{ readonly number: string; readonly title: string }> = [
    { number: '1', title: 'Network security controls are installed and maintained' },
    { number: '2', title: 'System components are configured securely' },
    { number: '3', title: 'Stored account data is protected' },
    { number: '4', title: 'Cardholder data is protected by strong cryptography on open, public networks' },
    { number: '5', title: 'Systems and networks are protected from malicious software' },
    { number: '6', title: 'Systems and software are developed and maintained securely' },
    { number: '7', title: 'Access to system components and cardholder data is limited to business need to know' },
    { number: '8', title: 'Users are identified and their access to system components is authenticated' },
    { number: '9', title: 'Physical access to cardholder data is restricted' },
    { number: '10', title: 'Access to system components and cardholder data is logged and monitored' },
    { number: '11', title: 'The security of systems and networks is tested regularly' },
    { number: '12', title: 'Organizational policies and programmes support information security' }
];

/** `x.1.2` of requirements 1–11: who does the requirement's activities is settled. */
const ROLE_ITEMS: RequirementDefinition[] = ([
    ['1', 'network security controls'],
    ['2', 'secure configuration'],
    ['3', 'protecting stored account data'],
    ['4', 'protecting cardholder data in transit'],
    ['5', 'protection against malware'],
    ['6', 'secure systems and software'],
    ['7', 'need-to-know access control'],
    ['8', 'identification and authentication'],
    ['9', 'physical access control'],
    ['10', 'logging and monitoring'],
    ['11', 'security testing']
] as const).map(([requirement, topic]) => ({
    clause: `${requirement}.1.2`,
    title: `Roles for requirement ${requirement} activities (${topic}) are documented, assigned and understood`
}));

const REQUIREMENT_12: RequirementDefinition[] = [
    { clause: '12.1', title: 'The information security policy is known and current' },
    { clause: '12.1.1', parent: '12.1', title: 'An overall security policy is set, published, maintained and shared with personnel and relevant third parties' },
    { clause: '12.1.2', parent: '12.1', title: 'The security policy is reviewed at least every 12 months and updated as needed' },
    { clause: '12.1.3', parent: '12.1', title: 'Security roles and responsibilities are defined and acknowledged by all personnel' },
    { clause: '12.1.4', parent: '12.1', title: 'An executive is formally given responsibility for information security' },

    { clause: '12.2', title: 'Acceptable use of end-user technologies is defined and applied' },
    { clause: '12.2.1', parent: '12.2', title: 'Acceptable use policies for end-user technologies are documented and applied, with approvals and approved products' },

    { clause: '12.3', title: 'Risks to the cardholder data environment are identified, evaluated and managed' },
    { clause: '12.3.1', parent: '12.3', title: 'A targeted risk analysis backs each requirement whose frequency the entity may choose' },
    { clause: '12.3.2', parent: '12.3', title: 'A targeted risk analysis backs each requirement met with the customized approach' },
    { clause: '12.3.3', parent: '12.3', title: 'Cipher suites and protocols in use are documented and reviewed at least every 12 months' },
    { clause: '12.3.4', parent: '12.3', title: 'Hardware and software technologies in use are reviewed at least every 12 months' },

    { clause: '12.4', title: 'PCI DSS compliance is managed' },
    { clause: '12.4.1', parent: '12.4', title: 'Service providers: executive management owns cardholder data protection and the compliance programme' },
    { clause: '12.4.2', parent: '12.4', title: 'Service providers: checks at least every three months confirm staff follow security policies and procedures' },
    { clause: '12.4.2.1', parent: '12.4.2', title: 'Service providers: the three-monthly checks are documented with results, remediation and sign-off' },

    { clause: '12.5', title: 'PCI DSS scope is documented and validated' },
    { clause: '12.5.1', parent: '12.5', title: 'An inventory of in-scope system components and what they do is kept current' },
    { clause: '12.5.2', parent: '12.5', title: 'Scope is documented and confirmed at least every 12 months and after significant change' },
    { clause: '12.5.2.1', parent: '12.5.2', title: 'Service providers: scope is confirmed at least every six months and after significant change' },
    { clause: '12.5.3', parent: '12.5', title: 'Service providers: significant organizational change triggers a documented scope review reported to executives' },

    { clause: '12.6', title: 'Security awareness education is ongoing' },
    { clause: '12.6.1', parent: '12.6', title: 'A formal awareness programme tells all personnel the security policy and their part in protecting cardholder data' },
    { clause: '12.6.2', parent: '12.6', title: 'The awareness programme is reviewed at least every 12 months and updated as needed' },
    { clause: '12.6.3', parent: '12.6', title: 'Personnel get awareness training on hire and at least every 12 months, and acknowledge the security policy' },
    { clause: '12.6.3.1', parent: '12.6.3', title: 'Awareness training covers threats such as phishing and social engineering' },
    { clause: '12.6.3.2', parent: '12.6.3', title: 'Awareness training covers acceptable use of end-user technologies' },

    { clause: '12.7', title: 'Personnel are screened to reduce insider threats' },
    { clause: '12.7.1', parent: '12.7', title: 'People who will have access to the cardholder data environment are screened before hire' },

    { clause: '12.8', title: 'Risks from third-party service provider relationships are managed' },
    { clause: '12.8.1', parent: '12.8', title: 'A list of service providers that hold or could affect account data, with their services, is kept' },
    { clause: '12.8.2', parent: '12.8', title: 'Written agreements with service providers include their acknowledgement of security responsibility' },
    { clause: '12.8.3', parent: '12.8', title: 'Service providers are engaged through a set process with due diligence beforehand' },
    { clause: '12.8.4', parent: '12.8', title: 'The PCI DSS compliance status of service providers is monitored at least every 12 months' },
    { clause: '12.8.5', parent: '12.8', title: 'It is recorded which requirements each service provider manages, which the entity manages, and which both share' },

    { clause: '12.9', title: 'Third-party service providers support their customers\' PCI DSS compliance' },
    { clause: '12.9.1', parent: '12.9', title: 'Service providers acknowledge in writing their responsibility for the security of customers\' account data' },
    { clause: '12.9.2', parent: '12.9', title: 'Service providers answer customers\' requests about their compliance status and responsibilities' },

    { clause: '12.10', title: 'Suspected and confirmed incidents affecting the cardholder data environment get an immediate response' },
    { clause: '12.10.1', parent: '12.10', title: 'An incident response plan exists and is ready to activate' },
    { clause: '12.10.2', parent: '12.10', title: 'The incident response plan is reviewed, updated and tested at least every 12 months' },
    { clause: '12.10.3', parent: '12.10', title: 'Designated personnel are available around the clock to respond to suspected or confirmed incidents' },
    { clause: '12.10.4', parent: '12.10', title: 'Incident response personnel are trained periodically' },
    { clause: '12.10.4.1', parent: '12.10.4', title: 'A targeted risk analysis sets how often incident response personnel are trained' },
    { clause: '12.10.5', parent: '12.10', title: 'The incident response plan covers alerts from security monitoring systems' },
    { clause: '12.10.6', parent: '12.10', title: 'The incident response plan evolves with lessons learned and industry developments' },
    { clause: '12.10.7', parent: '12.10', title: 'Incident procedures start when stored PAN is found where it is not expected' }
];

export const PCI_DSS: FrameworkDefinition = {
    prefix: 'PCI-DSS',
    name: 'PCI DSS v4.0.1',
    requirements: [...ROLE_ITEMS, ...REQUIREMENT_12]
};
