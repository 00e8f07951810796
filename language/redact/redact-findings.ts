import { URI } from 'langium';
import type { Finding } from '../engine/check-sources.js';

/** A file URI with its path redacted and encoded again, so a pseudonym with a space stays a valid URI. */
export function redactUri(uri: string, redact: (text: string) => string): string {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? URI.file(redact(parsed.fsPath)).toString() : redact(uri);
}

/** Findings with people pseudonymised in their messages, justifications and file paths (`mandate check --redact`). */
export function redactFindings(findings: readonly Finding[], redact: (text: string) => string): Finding[] {
    return findings.map(finding => ({
        ...finding,
        uri: redactUri(finding.uri, redact),
        message: redact(finding.message),
        ...(finding.related ? { related: finding.related.map(place => ({ ...place, uri: redactUri(place.uri, redact), message: redact(place.message) })) } : {}),
        ...(finding.suppressed ? { suppressed: { justification: redact(finding.suppressed.justification) } } : {})
    }));
}
