import type { PolicyTestRun } from './index.js';
import { failureText, placeOf, type RenderOptions } from './render-results.js';

/**
 * Characters XML 1.0 cannot hold even escaped (C0 controls but tab and line feeds, lone
 * surrogates, U+FFFE/U+FFFF): shown as `\uXXXX`, so a policy string never makes the file invalid.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };

/** Text safe in a double-quoted attribute: escaped, line breaks kept as character references. */
function attribute(text: string): string {
    return text.replace(NOT_XML, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/[&<>"'\r\n\t]/g, char => ENTITIES[char]);
}

/** Text safe as element content. */
function content(text: string): string {
    return text.replace(NOT_XML, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/[&<>]/g, char => ENTITIES[char]);
}

/**
 * JUnit XML as CI systems read it (Jenkins, GitLab, GitHub test reporters): a suite per test
 * file, a case per test; a failed expectation is a `<failure>`, a test that could not run an `<error>`.
 */
export function renderJunit(run: PolicyTestRun, options: RenderOptions = {}): string {
    const { summary } = run;
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="mandate test" tests="${summary.tests}" failures="${summary.failed}" errors="${summary.errored}">`];
    for (const file of run.files) {
        const name = options.fileOf?.(file.uri, file.file) ?? file.file;
        const failures = file.tests.filter(test => test.status === 'failed').length;
        const errors = file.tests.filter(test => test.status === 'errored').length;
        lines.push(`  <testsuite name="${attribute(name)}" tests="${file.tests.length}" failures="${failures}" errors="${errors}" skipped="0">`);
        for (const test of file.tests) {
            const open = `    <testcase name="${attribute(test.title)}" classname="${attribute(name)}" file="${attribute(name)}" line="${test.location.line}"`;
            if (test.status === 'passed') {
                lines.push(`${open}/>`);
                continue;
            }
            lines.push(`${open}>`);
            if (test.status === 'errored') {
                const error = test.error ?? `${placeOf(test.location, options)}: the test could not run`;
                lines.push(`      <error type="error" message="${attribute(error.split('\n')[0] ?? '')}">${content(error)}</error>`);
            } else {
                const failed = test.expectations.filter(expectation => !expectation.passed);
                const first = failed[0];
                const message = first ? `${placeOf(first.location, options)}: expected ${first.expected}; actual ${first.actual}` : 'failed';
                const body = failed.flatMap(expectation => failureText(expectation, options)).join('\n');
                lines.push(`      <failure type="expectation" message="${attribute(message)}">${content(body)}</failure>`);
            }
            lines.push('    </testcase>');
        }
        lines.push('  </testsuite>');
    }
    lines.push('</testsuites>');
    return `${lines.join('\n')}\n`;
}
