import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../language/engine/check-sources.js';

/** A file path as the user will want to click it: relative to the working directory when inside it. */
export function displayPath(uri: string, cwd = process.cwd()): string {
    const file = fileURLToPath(uri);
    const relative = path.relative(cwd, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

export function formatText(findings: readonly Finding[], fileCount: number): string {
    const lines = findings.map(finding =>
        `${displayPath(finding.uri)}:${finding.line}:${finding.column}  ${finding.severity}  ${finding.rule}  ${finding.message}`);
    const count = (severity: Finding['severity']) => findings.filter(finding => finding.severity === severity).length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    lines.push(`${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, `
        + `${plural(count('info') + count('hint'), 'note')} in ${plural(fileCount, 'file')}`);
    return lines.join('\n') + '\n';
}

export function formatJson(findings: readonly Finding[]): string {
    return JSON.stringify(findings.map(({ uri, ...rest }) => ({ file: displayPath(uri), ...rest })), null, 2) + '\n';
}
