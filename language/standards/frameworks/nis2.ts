/**
 * EU NIS2 Directive (2022/2555): Article 20 (management bodies answer for cybersecurity
 * risk management and are trained) and Article 21 (the risk-management measures, with
 * the minimum list in 21(2)(a)–(j)), cited as `NIS2:20(1)` or `NIS2:21(2)(i)`. Titles
 * are short paraphrases in our own words, not the Directive's text.
 */
import type { FrameworkDefinition, RequirementDefinition } from './types.js';

/** `21(2)(a)` … `21(2)(j)`: the measures 21(2) requires at a minimum, in the Directive's order. */
const MINIMUM_MEASURES: RequirementDefinition[] = [
    'Policies on risk analysis and on the security of information systems',
    'Incident handling',
    'Business continuity, such as backup management and disaster recovery, and crisis management',
    'Supply chain security, including security in relations with direct suppliers and service providers',
    'Security in acquiring, developing and maintaining systems, including vulnerability handling and disclosure',
    'Policies and procedures to assess whether the risk-management measures are effective',
    'Basic cyber hygiene practices and cybersecurity training',
    'Policies and procedures on cryptography and, where appropriate, encryption',
    'Human resources security, access control policies and asset management',
    'Multi-factor or continuous authentication, and secured communications and emergency channels where appropriate'
].map((title, index) => ({ clause: `21(2)(${String.fromCharCode(97 + index)})`, title, parent: '21(2)' }));

export const NIS2: FrameworkDefinition = {
    prefix: 'NIS2',
    name: 'EU NIS2 Directive (2022/2555)',
    requirements: [
        { clause: '20', title: 'Governance: management bodies answer for cybersecurity risk management' },
        { clause: '20(1)', parent: '20', title: 'Management bodies approve the risk-management measures, oversee them and can be held liable' },
        { clause: '20(2)', parent: '20', title: 'Management body members take cybersecurity training, and staff are encouraged to do so regularly' },
        { clause: '21', title: 'Cybersecurity risk-management measures' },
        { clause: '21(1)', parent: '21', title: 'Appropriate, proportionate technical, operational and organisational measures manage risk to systems' },
        { clause: '21(2)', parent: '21', title: 'The measures take an all-hazards approach and include at least items (a) to (j)' },
        ...MINIMUM_MEASURES
    ]
};
