/**
 * EU Digital Operational Resilience Act (2022/2554), Article 5: the management body of a
 * financial entity is accountable for ICT risk, sets the roles for ICT functions, and
 * keeps its own knowledge current through training. Cited as `DORA:5(2)(c)`. Titles are
 * short paraphrases in our own words, not the Regulation's text.
 */
import type { FrameworkDefinition, RequirementDefinition } from './types.js';

/** `5(2)(a)` … `5(2)(i)`: what the management body must do, in the Regulation's order. */
const MANAGEMENT_BODY_DUTIES: RequirementDefinition[] = [
    'The management body bears final responsibility for managing ICT risk',
    'Policies keep data available, authentic, intact and confidential to a high standard',
    'Clear roles for all ICT functions, with governance for communication and cooperation between them',
    'The management body sets and approves the digital operational resilience strategy and ICT risk tolerance',
    'The management body approves, oversees and reviews ICT business continuity and response and recovery plans',
    'The management body approves and reviews internal ICT audit plans, the audits and material changes to them',
    'A resilience budget is allocated and reviewed, covering awareness, training and ICT skills for all staff',
    'The management body approves and reviews the policy on using ICT third-party service providers',
    'Reporting channels keep the management body informed of ICT third-party arrangements, changes and their impact'
].map((title, index) => ({ clause: `5(2)(${String.fromCharCode(97 + index)})`, title, parent: '5(2)' }));

export const DORA: FrameworkDefinition = {
    prefix: 'DORA',
    name: 'EU Digital Operational Resilience Act (2022/2554)',
    requirements: [
        { clause: '5', title: 'Governance and organisation: the management body is accountable for ICT risk' },
        { clause: '5(1)', parent: '5', title: 'An internal governance and control framework ensures effective, prudent management of ICT risk' },
        { clause: '5(2)', parent: '5', title: 'The management body defines, approves, oversees and answers for the ICT risk management framework' },
        ...MANAGEMENT_BODY_DUTIES,
        { clause: '5(3)', parent: '5', title: 'Except in microenterprises, a role monitors ICT third-party arrangements, or a senior manager oversees them' },
        { clause: '5(4)', parent: '5', title: 'Management body members keep their ICT risk knowledge and skills current, with regular training' }
    ]
};
