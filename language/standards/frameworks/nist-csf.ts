/**
 * NIST Cybersecurity Framework 2.0: the 6 functions, 22 categories and 106 subcategories,
 * cited as `NIST-CSF:GV`, `NIST-CSF:GV.RR`, `NIST-CSF:GV.RR-02`. CSF 2.0 kept the 1.1
 * numbers of surviving outcomes and left gaps where outcomes were withdrawn or moved
 * (there is no ID.AM-06, and PR.DS has only -01, -02, -10, -11), so the numbering here
 * is written out, never generated. Titles are short paraphrases in our own words.
 */
import type { FrameworkDefinition, RequirementDefinition } from './types.js';

/** The entries listed, each with `parent` as its parent. */
function under(parent: string, list: ReadonlyArray<readonly [clause: string, title: string]>): RequirementDefinition[] {
    return list.map(([clause, title]) => ({ clause, title, parent }));
}

const FUNCTIONS: RequirementDefinition[] = [
    { clause: 'GV', title: 'Govern: the cybersecurity risk strategy, expectations and policy are set, communicated and monitored' },
    { clause: 'ID', title: 'Identify: the current cybersecurity risks to the organization are understood' },
    { clause: 'PR', title: 'Protect: safeguards are used to manage cybersecurity risks' },
    { clause: 'DE', title: 'Detect: possible attacks and compromises are found and analysed' },
    { clause: 'RS', title: 'Respond: action is taken on a detected cybersecurity incident' },
    { clause: 'RC', title: 'Recover: assets and operations affected by an incident are restored' }
];

const CATEGORIES: RequirementDefinition[] = [
    ...under('GV', [
        ['GV.OC', 'Organizational context: mission, stakeholders, dependencies and legal duties behind risk decisions are understood'],
        ['GV.RM', 'Risk management strategy: priorities, constraints, risk appetite and assumptions are set and used'],
        ['GV.RR', 'Roles, responsibilities and authorities for cybersecurity are set to drive accountability and improvement'],
        ['GV.PO', 'Policy: the cybersecurity policy is set, communicated and enforced'],
        ['GV.OV', 'Oversight: results of cybersecurity risk management are used to inform and adjust the strategy'],
        ['GV.SC', 'Supply chain risk management: cybersecurity risks from suppliers are identified, assessed and managed']
    ]),
    ...under('ID', [
        ['ID.AM', 'Asset management: the assets that matter are identified and managed according to their importance'],
        ['ID.RA', 'Risk assessment: the cybersecurity risk to the organization, its assets and people is understood'],
        ['ID.IM', 'Improvement: improvements to risk management processes are found across all functions']
    ]),
    ...under('PR', [
        ['PR.AA', 'Identity management, authentication and access control: access is limited to what is authorised'],
        ['PR.AT', 'Awareness and training: people get the awareness and training to do their cybersecurity-related tasks'],
        ['PR.DS', 'Data security: data is managed to protect its confidentiality, integrity and availability'],
        ['PR.PS', 'Platform security: hardware, software and services are managed in line with the risk strategy'],
        ['PR.IR', 'Technology infrastructure resilience: architectures are managed for security and resilience']
    ]),
    ...under('DE', [
        ['DE.CM', 'Continuous monitoring: assets are watched for anomalies, indicators of compromise and adverse events'],
        ['DE.AE', 'Adverse event analysis: anomalies and indicators are analysed to characterise events and spot incidents']
    ]),
    ...under('RS', [
        ['RS.MA', 'Incident management: responses to detected incidents are run'],
        ['RS.AN', 'Incident analysis: investigations support an effective response and forensics'],
        ['RS.CO', 'Incident response reporting and communication: the response is coordinated with stakeholders'],
        ['RS.MI', 'Incident mitigation: an incident is kept from spreading and its effects are reduced']
    ]),
    ...under('RC', [
        ['RC.RP', 'Incident recovery plan execution: restoration keeps affected systems and services available'],
        ['RC.CO', 'Incident recovery communication: restoration is coordinated with internal and external parties']
    ])
];

const GOVERN: RequirementDefinition[] = [
    ...under('GV.OC', [
        ['GV.OC-01', 'The mission is understood and shapes cybersecurity risk management'],
        ['GV.OC-02', 'Stakeholders and their risk management expectations are known and taken into account'],
        ['GV.OC-03', 'Legal, regulatory and contractual cybersecurity duties, privacy included, are known and managed'],
        ['GV.OC-04', 'What outside stakeholders rely on the organization for is known and communicated'],
        ['GV.OC-05', 'What the organization relies on from others is known and communicated']
    ]),
    ...under('GV.RM', [
        ['GV.RM-01', 'Risk management objectives are set and agreed with stakeholders'],
        ['GV.RM-02', 'Risk appetite and risk tolerance are stated, communicated and kept current'],
        ['GV.RM-03', 'Cybersecurity risk management feeds enterprise risk management'],
        ['GV.RM-04', 'A strategic direction on how to respond to risk is set and communicated'],
        ['GV.RM-05', 'Channels for raising cybersecurity risks, third-party risks included, exist across the organization'],
        ['GV.RM-06', 'One method to calculate, record, categorise and rank cybersecurity risk is set and communicated'],
        ['GV.RM-07', 'Opportunities (positive risks) are described and discussed alongside threats']
    ]),
    ...under('GV.RR', [
        ['GV.RR-01', 'Leadership is accountable for cybersecurity risk and fosters a risk-aware culture'],
        ['GV.RR-02', 'Cybersecurity roles, responsibilities and authorities are set, communicated and enforced'],
        ['GV.RR-03', 'Resources for cybersecurity are adequate to the risk strategy'],
        ['GV.RR-04', 'Cybersecurity is part of human-resources practice']
    ]),
    ...under('GV.PO', [
        ['GV.PO-01', 'A cybersecurity risk policy fitting context, strategy and priorities is set, communicated and enforced'],
        ['GV.PO-02', 'The policy is reviewed and updated as requirements, threats, technology and mission change']
    ]),
    ...under('GV.OV', [
        ['GV.OV-01', 'Outcomes of the risk strategy are reviewed to steer strategy and direction'],
        ['GV.OV-02', 'The risk strategy is reviewed and adjusted so it covers requirements and risks'],
        ['GV.OV-03', 'Risk management performance is measured and reviewed for needed changes']
    ]),
    ...under('GV.SC', [
        ['GV.SC-01', 'A supply chain risk programme with strategy, objectives, policy and processes is set and agreed'],
        ['GV.SC-02', 'Cybersecurity roles of suppliers, customers and partners are set, communicated and coordinated'],
        ['GV.SC-03', 'Supply chain risk management is part of cybersecurity and enterprise risk processes'],
        ['GV.SC-04', 'Suppliers are known and ranked by how critical they are'],
        ['GV.SC-05', 'Supply chain security requirements are set, ranked and written into contracts and agreements'],
        ['GV.SC-06', 'Due diligence is done before entering a supplier or third-party relationship'],
        ['GV.SC-07', 'Supplier and third-party risks are assessed, handled and monitored for the whole relationship'],
        ['GV.SC-08', 'Key suppliers take part in incident planning, response and recovery'],
        ['GV.SC-09', 'Supply chain security is built into risk programmes and monitored over the product life cycle'],
        ['GV.SC-10', 'Supply chain plans cover what happens after a partnership or service ends']
    ])
];

const IDENTIFY: RequirementDefinition[] = [
    ...under('ID.AM', [
        ['ID.AM-01', 'Hardware the organization manages is inventoried'],
        ['ID.AM-02', 'Software, services and systems the organization manages are inventoried'],
        ['ID.AM-03', 'Authorised network communications and data flows are documented'],
        ['ID.AM-04', 'Services obtained from suppliers are inventoried'],
        ['ID.AM-05', 'Assets are ranked by classification, criticality, resources and impact on the mission'],
        ['ID.AM-07', 'Designated data types and their metadata are inventoried'],
        ['ID.AM-08', 'Systems, hardware, software, services and data are managed over their whole life cycle']
    ]),
    ...under('ID.RA', [
        ['ID.RA-01', 'Vulnerabilities in assets are found, confirmed and recorded'],
        ['ID.RA-02', 'Threat intelligence is obtained from sharing forums and other sources'],
        ['ID.RA-03', 'Internal and external threats are identified and recorded'],
        ['ID.RA-04', 'Likelihood and impact of threats exploiting vulnerabilities are identified and recorded'],
        ['ID.RA-05', 'Threats, vulnerabilities, likelihood and impact determine inherent risk and response priority'],
        ['ID.RA-06', 'Risk responses are chosen, ranked, planned, tracked and communicated'],
        ['ID.RA-07', 'Changes and exceptions are managed, assessed for risk, recorded and tracked'],
        ['ID.RA-08', 'There is a process to receive, analyse and act on vulnerability disclosures'],
        ['ID.RA-09', 'Hardware and software are checked for authenticity and integrity before purchase and use'],
        ['ID.RA-10', 'Critical suppliers are assessed before acquisition']
    ]),
    ...under('ID.IM', [
        ['ID.IM-01', 'Evaluations yield improvements'],
        ['ID.IM-02', 'Security tests and exercises, including those with suppliers, yield improvements'],
        ['ID.IM-03', 'Running operational processes and activities yields improvements'],
        ['ID.IM-04', 'Incident response and other operational cybersecurity plans are set, communicated, kept and improved']
    ])
];

const PROTECT: RequirementDefinition[] = [
    ...under('PR.AA', [
        ['PR.AA-01', 'Identities and credentials of authorised users, services and hardware are managed'],
        ['PR.AA-02', 'Identities are verified and bound to credentials as the context requires'],
        ['PR.AA-03', 'Users, services and hardware are authenticated'],
        ['PR.AA-04', 'Identity assertions are protected, passed on and checked'],
        ['PR.AA-05', 'Access rights follow policy, least privilege and segregation of duties, and are reviewed'],
        ['PR.AA-06', 'Physical access to assets is managed, monitored and enforced according to risk']
    ]),
    ...under('PR.AT', [
        ['PR.AT-01', 'All staff get awareness and training to do their general work with cybersecurity risk in mind'],
        ['PR.AT-02', 'People in specialised roles get training for the cybersecurity side of their tasks']
    ]),
    ...under('PR.DS', [
        ['PR.DS-01', 'Data at rest keeps its confidentiality, integrity and availability'],
        ['PR.DS-02', 'Data in transit keeps its confidentiality, integrity and availability'],
        ['PR.DS-10', 'Data in use keeps its confidentiality, integrity and availability'],
        ['PR.DS-11', 'Backups of data are made, protected, maintained and tested']
    ]),
    ...under('PR.PS', [
        ['PR.PS-01', 'Configuration management is established and applied'],
        ['PR.PS-02', 'Software is maintained, replaced and removed according to risk'],
        ['PR.PS-03', 'Hardware is maintained, replaced and removed according to risk'],
        ['PR.PS-04', 'Logs are produced and made available for continuous monitoring'],
        ['PR.PS-05', 'Unauthorised software cannot be installed or run'],
        ['PR.PS-06', 'Secure development practices are built into, and monitored across, the software life cycle']
    ]),
    ...under('PR.IR', [
        ['PR.IR-01', 'Networks and environments are protected from unauthorised logical access and use'],
        ['PR.IR-02', 'Technology assets are protected from environmental threats'],
        ['PR.IR-03', 'Mechanisms meet resilience needs in both normal and adverse conditions'],
        ['PR.IR-04', 'Enough capacity is kept to ensure availability']
    ])
];

const DETECT: RequirementDefinition[] = [
    ...under('DE.CM', [
        ['DE.CM-01', 'Networks and network services are monitored for possibly adverse events'],
        ['DE.CM-02', 'The physical environment is monitored for possibly adverse events'],
        ['DE.CM-03', 'Personnel activity and technology use are monitored for possibly adverse events'],
        ['DE.CM-06', 'Activities and services of external providers are monitored for possibly adverse events'],
        ['DE.CM-09', 'Hardware, software, runtime environments and their data are monitored for possibly adverse events']
    ]),
    ...under('DE.AE', [
        ['DE.AE-02', 'Possibly adverse events are analysed to understand the activity behind them'],
        ['DE.AE-03', 'Information from several sources is correlated'],
        ['DE.AE-04', 'The likely impact and scope of adverse events are understood'],
        ['DE.AE-06', 'Information on adverse events reaches authorised staff and tools'],
        ['DE.AE-07', 'Threat intelligence and other context feed the analysis'],
        ['DE.AE-08', 'An incident is declared when adverse events meet the defined criteria']
    ])
];

const RESPOND: RequirementDefinition[] = [
    ...under('RS.MA', [
        ['RS.MA-01', 'Once an incident is declared, the response plan is run together with relevant third parties'],
        ['RS.MA-02', 'Incident reports are triaged and confirmed'],
        ['RS.MA-03', 'Incidents are categorised and prioritised'],
        ['RS.MA-04', 'Incidents are escalated as needed'],
        ['RS.MA-05', 'The criteria for starting incident recovery are applied']
    ]),
    ...under('RS.AN', [
        ['RS.AN-03', 'Analysis establishes what happened during an incident and its root cause'],
        ['RS.AN-06', 'Investigation actions are recorded, with the records kept intact and traceable'],
        ['RS.AN-07', 'Incident data and metadata are collected and kept intact and traceable'],
        ['RS.AN-08', 'The size of an incident is estimated and confirmed']
    ]),
    ...under('RS.CO', [
        ['RS.CO-02', 'Internal and external stakeholders are told about incidents'],
        ['RS.CO-03', 'Information is shared with designated internal and external stakeholders']
    ]),
    ...under('RS.MI', [
        ['RS.MI-01', 'Incidents are contained'],
        ['RS.MI-02', 'Incidents are eradicated']
    ])
];

const RECOVER: RequirementDefinition[] = [
    ...under('RC.RP', [
        ['RC.RP-01', 'The recovery part of the incident response plan is run once the response process starts it'],
        ['RC.RP-02', 'Recovery actions are chosen, scoped, prioritised and carried out'],
        ['RC.RP-03', 'Backups and other restoration assets are checked for integrity before use'],
        ['RC.RP-04', 'Post-incident operating norms take critical functions and risk management into account'],
        ['RC.RP-05', 'Restored assets are checked, systems and services brought back and normal operation confirmed'],
        ['RC.RP-06', 'The end of recovery is declared on set criteria and incident documentation is completed']
    ]),
    ...under('RC.CO', [
        ['RC.CO-03', 'Recovery activities and progress are communicated to designated stakeholders'],
        ['RC.CO-04', 'Public updates on recovery are shared through approved methods and messages']
    ])
];

/** Reading order for listings: each function, then each of its categories followed by its subcategories. */
function depthFirst(entries: readonly RequirementDefinition[]): RequirementDefinition[] {
    const children = (parent: string | undefined) => entries.filter(entry => entry.parent === parent);
    const walk = (entry: RequirementDefinition): RequirementDefinition[] => [entry, ...children(entry.clause).flatMap(walk)];
    return children(undefined).flatMap(walk);
}

export const NIST_CSF: FrameworkDefinition = {
    prefix: 'NIST-CSF',
    name: 'NIST Cybersecurity Framework 2.0',
    requirements: depthFirst([...FUNCTIONS, ...CATEGORIES, ...GOVERN, ...IDENTIFY, ...PROTECT, ...DETECT, ...RESPOND, ...RECOVER])
};
