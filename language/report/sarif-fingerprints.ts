import { Digest } from '../util/digest.js';

/** The key of Mandate's own fingerprint in a result's `partialFingerprints`; a new scheme gets a new version. */
export const FINGERPRINT_KEY = 'mandateFinding/v1';

/**
 * A place a message names (`teams/b/people.mandate:12`) loses its line: a line added above a
 * declaration moves the places, not the finding.
 */
function withoutLines(message: string): string {
    return message.replace(/(\.mandate):\d+(?::\d+)?/g, '$1');
}

/**
 * Fingerprints that stay with a finding while lines move, so that a code-scanning view or a baseline
 * comparison (SARIF's partialFingerprints) sees one finding across commits instead of a fixed one
 * and a new one: the rule, the file and the message without line numbers, and which of several
 * findings with those three it is, in file order. A finding whose message changes (another name,
 * another date) is another finding.
 */
export function findingFingerprints(findings: ReadonlyArray<{ readonly rule: string; readonly file: string; readonly message: string }>): string[] {
    const seen = new Map<string, number>();
    return findings.map(({ rule, file, message }) => {
        const key = `${rule}\u0000${file}\u0000${withoutLines(message)}`;
        const occurrence = seen.get(key) ?? 0;
        seen.set(key, occurrence + 1);
        const digest = new Digest();
        digest.update(key);
        digest.update(String(occurrence));
        return digest.digest().slice(0, 32);
    });
}
