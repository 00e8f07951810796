/**
 * Requirement IDs written compactly for the summary: an auditor reads "ISO27001: 4.1–4.4, A.5.3–A.5.37"
 * faster than 40 IDs, and a policy without a statement of applicability can leave a hundred not met.
 */

/** What compactIds needs of a requirement's status (RequirementStatus). */
export interface StatusOfId {
    readonly id: string;
    readonly framework: string;
    readonly status: string;
}

/** The part of an ID after its framework prefix: `A.5.3` of `ISO27001:A.5.3`. */
function localId(id: string): string {
    const colon = id.indexOf(':');
    return colon < 0 ? id : id.slice(colon + 1);
}

/** The ID a run must share to become a range: `A.5` of `A.5.3`, `GV.RR` of `GV.RR-01`, `CC1` of `CC1.4`. */
function parentOf(local: string): string {
    const cut = Math.max(local.lastIndexOf('.'), local.lastIndexOf('-'));
    return cut < 0 ? '' : local.slice(0, cut);
}

/** A range needs three IDs or more: `5.1, 5.2` reads as well as a range would. */
const MIN_RANGE = 3;

/**
 * The IDs of the requirements in `status`, one text per framework in order of first appearance,
 * such as `ISO27001: 4.1–4.4, 5.1, 5.2, A.5.3–A.5.37`. `requirements` are every requirement in
 * catalogue order, whatever their status: a range `a–b` stands for every requirement from `a` to
 * `b` in that order, all of them in `status`, under one parent (`A.5`), in one framework.
 */
export function compactIds(requirements: readonly StatusOfId[], status: string): string[] {
    const byFramework = new Map<string, string[]>();
    let run: string[] = [];
    let runKey = '';
    const flush = (): void => {
        if (run.length === 0) return;
        const framework = runKey.slice(0, runKey.indexOf('\u0000'));
        let parts = byFramework.get(framework);
        if (!parts) byFramework.set(framework, parts = []);
        if (run.length >= MIN_RANGE) parts.push(`${run[0]}–${run[run.length - 1]}`);
        else parts.push(...run);
        run = [];
    };
    for (const requirement of requirements) {
        if (requirement.status !== status) {
            flush();
            continue;
        }
        const local = localId(requirement.id);
        const key = `${requirement.framework}\u0000${parentOf(local)}`;
        if (key !== runKey) flush();
        runKey = key;
        run.push(local);
    }
    flush();
    return [...byFramework].map(([framework, parts]) => `${framework}: ${parts.join(', ')}`);
}
