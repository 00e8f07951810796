import { fileURLToPath } from 'node:url';
import type { Finding } from '../language/engine/check-sources.js';
import { displayFile } from './files.js';

/** A finding's file as the user will want to click it: relative to the working directory when inside it. */
export function displayPath(uri: string, cwd = process.cwd()): string {
    return displayFile(fileURLToPath(uri), cwd);
}

/** Parser messages can span lines (lists of expected tokens); text output keeps one finding per line. */
function oneLine(message: string): string {
    return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Accepted exceptions are not findings to act on: they are listed apart, with their justification. */
function split(findings: readonly Finding[]): { active: Finding[]; accepted: Finding[] } {
    return { active: findings.filter(finding => !finding.suppressed), accepted: findings.filter(finding => finding.suppressed) };
}

export function formatText(all: readonly Finding[], fileCount: number): string {
    const { active: findings, accepted } = split(all);
    const lines = findings.map(finding =>
        `${displayPath(finding.uri)}:${finding.line}:${finding.column}  ${finding.severity}  ${finding.rule}  ${oneLine(finding.message)}`);
    const count = (severity: Finding['severity']) => findings.filter(finding => finding.severity === severity).length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    lines.push(`${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, `
        + `${plural(count('info') + count('hint'), 'note')} in ${plural(fileCount, 'file')}`
        + (accepted.length > 0 ? `; ${plural(accepted.length, 'accepted exception')} (mandate-ignore)` : ''));
    return lines.join('\n') + '\n';
}

/** The documented JSON shape, key by key, so nothing added to Finding leaks into it. */
export function formatJson(all: readonly Finding[]): string {
    const rows = split(all).active.map(finding => ({
        file: displayPath(finding.uri),
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
        severity: finding.severity,
        rule: finding.rule,
        message: finding.message,
        ...(finding.related ? { related: finding.related.map(place => ({ file: displayPath(place.uri), line: place.line, column: place.column, endLine: place.endLine, endColumn: place.endColumn, message: place.message })) } : {})
    }));
    return JSON.stringify(rows, null, 2) + '\n';
}
