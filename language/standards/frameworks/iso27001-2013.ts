/**
 * ISO/IEC 27001:2013 Annex A numbering (A.5.1.1 … A.18.2.3, 114 controls), kept so that
 * an old reference such as `ISO27001:A.16.1.1` can be recognised and pointed at its
 * 2022 control(s). The mapping follows the correspondence table published in
 * ISO/IEC 27002:2022 Annex B. Titles are our own words, not the standard's.
 */

export interface LegacyIso27001Control {
    /** Full ID as written in a policy, e.g. `ISO27001:A.16.1.1`. */
    readonly id: string;
    readonly title: string;
    /** Full IDs of the 2022 Annex A control(s) it became, e.g. `ISO27001:A.5.24`. */
    readonly mapsTo: readonly string[];
}

type Entry = readonly [clause: string, title: string, mapsTo: readonly string[]];

export const ISO27001_2013_ANNEX_A: readonly Entry[] = [
    ['A.5.1.1', 'Security policies', ['A.5.1']],
    ['A.5.1.2', 'Security policies are reviewed', ['A.5.1']],
    ['A.6.1.1', 'Security roles and responsibilities', ['A.5.2']],
    ['A.6.1.2', 'Segregation of conflicting duties', ['A.5.3']],
    ['A.6.1.3', 'Contact with authorities', ['A.5.5']],
    ['A.6.1.4', 'Contact with special interest groups', ['A.5.6']],
    ['A.6.1.5', 'Security within project management', ['A.5.8']],
    ['A.6.2.1', 'Policy for mobile devices', ['A.8.1']],
    ['A.6.2.2', 'Teleworking', ['A.6.7']],
    ['A.7.1.1', 'Background screening', ['A.6.1']],
    ['A.7.1.2', 'Security in terms of employment', ['A.6.2']],
    ['A.7.2.1', 'Security responsibilities of management', ['A.5.4']],
    ['A.7.2.2', 'Security awareness, education and training', ['A.6.3']],
    ['A.7.2.3', 'Disciplinary process', ['A.6.4']],
    ['A.7.3.1', 'Duties on termination or change of employment', ['A.6.5']],
    ['A.8.1.1', 'Asset inventory', ['A.5.9']],
    ['A.8.1.2', 'Asset ownership', ['A.5.9']],
    ['A.8.1.3', 'Acceptable use of assets', ['A.5.10']],
    ['A.8.1.4', 'Return of assets', ['A.5.11']],
    ['A.8.2.1', 'Information classification', ['A.5.12']],
    ['A.8.2.2', 'Information labelling', ['A.5.13']],
    ['A.8.2.3', 'Asset handling', ['A.5.10']],
    ['A.8.3.1', 'Removable media management', ['A.7.10']],
    ['A.8.3.2', 'Media disposal', ['A.7.10']],
    ['A.8.3.3', 'Transfer of physical media', ['A.7.10']],
    ['A.9.1.1', 'Access control policy', ['A.5.15']],
    ['A.9.1.2', 'Access to networks and network services', ['A.5.15']],
    ['A.9.2.1', 'User registration and removal', ['A.5.16']],
    ['A.9.2.2', 'Provisioning of user access', ['A.5.18']],
    ['A.9.2.3', 'Privileged access management', ['A.8.2']],
    ['A.9.2.4', "Management of users' secret authentication information", ['A.5.17']],
    ['A.9.2.5', 'Review of user access rights', ['A.5.18']],
    ['A.9.2.6', 'Removing or adjusting access rights', ['A.5.18']],
    ['A.9.3.1', 'Users handle secret authentication information properly', ['A.5.17']],
    ['A.9.4.1', 'Restriction of information access', ['A.8.3']],
    ['A.9.4.2', 'Secure log-on', ['A.8.5']],
    ['A.9.4.3', 'Password management systems', ['A.5.17']],
    ['A.9.4.4', 'Privileged utility programs', ['A.8.18']],
    ['A.9.4.5', 'Access to program source code', ['A.8.4']],
    ['A.10.1.1', 'Policy for cryptographic controls', ['A.8.24']],
    ['A.10.1.2', 'Cryptographic key management', ['A.8.24']],
    ['A.11.1.1', 'Physical perimeters', ['A.7.1']],
    ['A.11.1.2', 'Physical entry', ['A.7.2']],
    ['A.11.1.3', 'Securing offices, rooms and facilities', ['A.7.3']],
    ['A.11.1.4', 'Protection against external and environmental threats', ['A.7.5']],
    ['A.11.1.5', 'Work in secure areas', ['A.7.6']],
    ['A.11.1.6', 'Delivery and loading areas', ['A.7.2']],
    ['A.11.2.1', 'Siting and protection of equipment', ['A.7.8']],
    ['A.11.2.2', 'Supporting utilities', ['A.7.11']],
    ['A.11.2.3', 'Cabling', ['A.7.12']],
    ['A.11.2.4', 'Maintenance of equipment', ['A.7.13']],
    ['A.11.2.5', 'Taking assets off-site', ['A.7.10']],
    ['A.11.2.6', 'Equipment and assets off the premises', ['A.7.9']],
    ['A.11.2.7', 'Secure disposal or re-use of equipment', ['A.7.14']],
    ['A.11.2.8', 'Unattended user equipment', ['A.8.1']],
    ['A.11.2.9', 'Clear desk and clear screen', ['A.7.7']],
    ['A.12.1.1', 'Documented operating procedures', ['A.5.37']],
    ['A.12.1.2', 'Change management', ['A.8.32']],
    ['A.12.1.3', 'Capacity management', ['A.8.6']],
    ['A.12.1.4', 'Separate development, test and operational environments', ['A.8.31']],
    ['A.12.2.1', 'Malware controls', ['A.8.7']],
    ['A.12.3.1', 'Backup of information', ['A.8.13']],
    ['A.12.4.1', 'Logging of events', ['A.8.15']],
    ['A.12.4.2', 'Protection of logs', ['A.8.15']],
    ['A.12.4.3', 'Administrator and operator logs', ['A.8.15']],
    ['A.12.4.4', 'Clock synchronization', ['A.8.17']],
    ['A.12.5.1', 'Software installation on operational systems', ['A.8.19']],
    ['A.12.6.1', 'Technical vulnerability management', ['A.8.8']],
    ['A.12.6.2', 'Limits on software installation', ['A.8.19']],
    ['A.12.7.1', 'Audit controls for information systems', ['A.8.34']],
    ['A.13.1.1', 'Network controls', ['A.8.20']],
    ['A.13.1.2', 'Security of network services', ['A.8.21']],
    ['A.13.1.3', 'Network segregation', ['A.8.22']],
    ['A.13.2.1', 'Policies and procedures for information transfer', ['A.5.14']],
    ['A.13.2.2', 'Agreements on information transfer', ['A.5.14']],
    ['A.13.2.3', 'Electronic messaging', ['A.5.14']],
    ['A.13.2.4', 'Confidentiality and non-disclosure agreements', ['A.6.6']],
    ['A.14.1.1', 'Analysis and specification of security requirements', ['A.5.8']],
    ['A.14.1.2', 'Application services on public networks', ['A.8.26']],
    ['A.14.1.3', 'Application service transactions', ['A.8.26']],
    ['A.14.2.1', 'Secure development policy', ['A.8.25']],
    ['A.14.2.2', 'Change control procedures for systems', ['A.8.32']],
    ['A.14.2.3', 'Review of applications after platform changes', ['A.8.32']],
    ['A.14.2.4', 'Limits on changes to software packages', ['A.8.32']],
    ['A.14.2.5', 'Secure engineering principles for systems', ['A.8.27']],
    ['A.14.2.6', 'Secure development environment', ['A.8.31']],
    ['A.14.2.7', 'Outsourced development', ['A.8.30']],
    ['A.14.2.8', 'Security testing of systems', ['A.8.29']],
    ['A.14.2.9', 'Acceptance testing of systems', ['A.8.29']],
    ['A.14.3.1', 'Protection of test data', ['A.8.33']],
    ['A.15.1.1', 'Security policy for supplier relationships', ['A.5.19']],
    ['A.15.1.2', 'Security in supplier agreements', ['A.5.20']],
    ['A.15.1.3', 'ICT supply chain', ['A.5.21']],
    ['A.15.2.1', 'Monitoring and review of supplier services', ['A.5.22']],
    ['A.15.2.2', 'Changes to supplier services', ['A.5.22']],
    ['A.16.1.1', 'Incident management responsibilities and procedures', ['A.5.24']],
    ['A.16.1.2', 'Reporting security events', ['A.6.8']],
    ['A.16.1.3', 'Reporting security weaknesses', ['A.6.8']],
    ['A.16.1.4', 'Assessing and deciding on security events', ['A.5.25']],
    ['A.16.1.5', 'Responding to security incidents', ['A.5.26']],
    ['A.16.1.6', 'Learning from security incidents', ['A.5.27']],
    ['A.16.1.7', 'Collecting evidence', ['A.5.28']],
    ['A.17.1.1', 'Planning continuity of information security', ['A.5.29']],
    ['A.17.1.2', 'Implementing continuity of information security', ['A.5.29']],
    ['A.17.1.3', 'Verifying and reviewing continuity of information security', ['A.5.29']],
    ['A.17.2.1', 'Availability of processing facilities', ['A.8.14']],
    ['A.18.1.1', 'Identifying applicable laws and contractual requirements', ['A.5.31']],
    ['A.18.1.2', 'Intellectual property rights', ['A.5.32']],
    ['A.18.1.3', 'Protecting records', ['A.5.33']],
    ['A.18.1.4', 'Privacy and protection of personal data', ['A.5.34']],
    ['A.18.1.5', 'Rules on cryptographic controls', ['A.5.31']],
    ['A.18.2.1', 'Independent security review', ['A.5.35']],
    ['A.18.2.2', 'Compliance with security policies and standards', ['A.5.36']],
    ['A.18.2.3', 'Technical compliance review', ['A.5.36', 'A.8.8']]
];

const PREFIX = 'ISO27001';

const BY_ID: ReadonlyMap<string, LegacyIso27001Control> = new Map(
    ISO27001_2013_ANNEX_A.map(([clause, title, mapsTo]) => {
        const id = `${PREFIX}:${clause}`;
        return [id, { id, title, mapsTo: mapsTo.map(target => `${PREFIX}:${target}`) }] as const;
    })
);

/**
 * The 2013 control behind a full ID such as `ISO27001:A.16.1.1`, with the 2022
 * control(s) it maps to; undefined for anything else, including 2022 IDs. Exact match:
 * spelling variants are for the suggestion logic, not for this table.
 */
export function legacyIso27001(id: string): LegacyIso27001Control | undefined {
    return BY_ID.get(id);
}

/** Every 2013 control, in the standard's order. */
export const LEGACY_ISO27001: readonly LegacyIso27001Control[] = [...BY_ID.values()];
