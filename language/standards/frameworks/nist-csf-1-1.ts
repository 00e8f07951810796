/**
 * NIST Cybersecurity Framework 1.1 numbering (23 categories, 108 subcategories, PR.AC-1 …
 * RC.CO-3), kept so that an old reference such as `NIST-CSF:PR.AC-4` is recognised as such
 * rather than respelt as a CSF 2.0 ID of another category (PR.AC is not PR.AA or PR.AT).
 * CSF 2.0 split, merged and moved the 1.1 outcomes, so no 2.0 subcategory is named here:
 * only the 1.1 category, whose name is the framework's own.
 */

/** A CSF 1.1 category: its code, its name in CSF 1.1 and how many subcategories it numbered. */
type Entry = readonly [code: string, name: string, subcategories: number];

export const NIST_CSF_1_1_CATEGORIES: readonly Entry[] = [
    ['ID.AM', 'Asset Management', 6],
    ['ID.BE', 'Business Environment', 5],
    ['ID.GV', 'Governance', 4],
    ['ID.RA', 'Risk Assessment', 6],
    ['ID.RM', 'Risk Management Strategy', 3],
    ['ID.SC', 'Supply Chain Risk Management', 5],
    ['PR.AC', 'Identity Management, Authentication and Access Control', 7],
    ['PR.AT', 'Awareness and Training', 5],
    ['PR.DS', 'Data Security', 8],
    ['PR.IP', 'Information Protection Processes and Procedures', 12],
    ['PR.MA', 'Maintenance', 2],
    ['PR.PT', 'Protective Technology', 5],
    ['DE.AE', 'Anomalies and Events', 5],
    ['DE.CM', 'Security Continuous Monitoring', 8],
    ['DE.DP', 'Detection Processes', 5],
    ['RS.RP', 'Response Planning', 1],
    ['RS.CO', 'Communications', 5],
    ['RS.AN', 'Analysis', 5],
    ['RS.MI', 'Mitigation', 3],
    ['RS.IM', 'Improvements', 2],
    ['RC.RP', 'Recovery Planning', 1],
    ['RC.IM', 'Improvements', 2],
    ['RC.CO', 'Communications', 3]
];

/** A CSF 1.1 category or subcategory, written the way CSF 1.1 wrote it (`PR.AC-4`, no leading zero). */
export interface NistCsf11Reference {
    readonly id: string;
    readonly category: string;
    readonly categoryName: string;
    readonly subcategory: boolean;
}

const BY_CODE: ReadonlyMap<string, Entry> = new Map(NIST_CSF_1_1_CATEGORIES.map(entry => [entry[0], entry]));

/**
 * The CSF 1.1 category or subcategory that a function, category and optional number name
 * (`PR`, `AC`, `4`, already upper-cased and without leading zeros); undefined when CSF 1.1
 * had no such ID. Whether CSF 2.0 kept the ID is for the caller to decide.
 */
export function nistCsf11(functionCode: string, categoryCode: string, number?: string): NistCsf11Reference | undefined {
    const category = `${functionCode}.${categoryCode}`;
    const entry = BY_CODE.get(category);
    if (!entry) return undefined;
    if (number === undefined) return { id: category, category, categoryName: entry[1], subcategory: false };
    const value = Number(number);
    if (!Number.isInteger(value) || value < 1 || value > entry[2]) return undefined;
    return { id: `${category}-${value}`, category, categoryName: entry[1], subcategory: true };
}
