import { fileURLToPath } from 'node:url';
import { firstTestDate, runPolicyTestsOn, SYNTAX_CODES, type PolicyTestRun, type TestLocation } from '../../language/policy-tests/index.js';
import type { Model } from '../../language/generated/ast.js';
import { renderJunit } from '../../language/policy-tests/render-junit.js';
import { renderJson, renderText, type RenderOptions } from '../../language/policy-tests/render-results.js';
import { displayPath } from '../format.js';
import { findPolicyFiles, InputError, readPolicyFiles } from '../files.js';
import { loadWorkspace } from '../load.js';
import { EXIT_ERRORS, EXIT_USAGE, terminalText, TOOL_VERSION, write } from '../output.js';
import { writeOutputFile } from '../safe-write.js';

export interface TestFlags {
    format: 'text' | 'json' | 'junit';
    output?: string;
    asOf?: string;
    config?: string;
    followSymlinks?: boolean;
}


/**
 * Runs the policy tests of the workspace under `paths`. Exit 0 when every test passes, 1 when an
 * expectation fails, 2 when a file does not parse, a test cannot run (no date, an unknown name) or
 * there is no test at all. A test without `on` runs on `--as-of`; nothing runs on today's date.
 */
export async function runTest(paths: string[], flags: TestFlags): Promise<number> {
    // Checked first on the first test's date rather than today, which no test asks for (one validation less).
    const files = await findPolicyFiles(paths.length > 0 ? paths : ['.'], { followSymlinks: flags.followSymlinks ?? false });
    const firstDate = flags.asOf ?? firstTestDate(await readPolicyFiles(files));
    const loaded = await loadWorkspace(paths, { asOf: firstDate, config: flags.config, followSymlinks: flags.followSymlinks });
    const { checked, internalErrors } = loaded;
    // Before the run (a what-if changes the workspace), and only when there is an output file.
    const inputs = flags.output ? loaded.inputs : [];
    const syntax = checked.findings.filter(finding => SYNTAX_CODES.has(finding.rule));
    if (syntax.length > 0) {
        // Tests of a policy that does not parse would test a different policy: nothing runs.
        const lines = syntax.map(finding => `mandate: ${displayPath(finding.uri)}:${finding.line}:${finding.column}: ${finding.message.replace(/\s*[\r\n]+\s*/g, ' ')}`);
        await write(process.stderr, `${lines.join('\n')}\nmandate: no tests were run: fix the syntax errors above first\n`);
        return EXIT_USAGE;
    }
    const where = paths.length > 0 ? paths.join(', ') : 'the current folder';
    const roots = checked.documents.map(document => document.parseResult.value as Model);
    if (!roots.some(root => root.declarations.length > 0)) {
        if (!roots.some(root => root.tests.length > 0)) {
            throw new InputError(`no tests found in ${where}, and no policy either: its .mandate files declare nothing; `
                + 'write the policy, then `test "<title>" on <date> { expect … }` blocks (see docs/policy-tests.md)');
        }
        // A test file named alone is its own workspace: every name in it would be "not declared".
        throw new InputError(`${paths.length > 0 ? paths.join(', ') : 'the current folder'}: no policy to test, only tests: `
            + 'name the policy\'s folder too, as the workspace is made of the paths given (e.g. `mandate test acme`, or `mandate test acme acme/tests/handover.test.mandate`)');
    }
    // Read before the run: a what-if changes the run's workspace in place, and the last one is not put back.
    const texts = new Map(checked.documents.map(document => [document.uri.toString(), document.textDocument]));
    const run = await runPolicyTestsOn(checked, { defaultDate: flags.asOf });
    if (run.summary.tests === 0) {
        throw new InputError(`no tests found in ${paths.length > 0 ? paths.join(', ') : 'the current folder'}: `
            + 'write `test "<title>" on <date> { expect … }` blocks in a .mandate file (see docs/policy-tests.md)');
    }
    const options: RenderOptions = {
        fileOf: uri => uri.startsWith('file:') ? displayPath(uri) : fileURLToPath(uri),
        sourceOf: (location: TestLocation) => texts.get(location.uri)?.getText({
            start: { line: location.line - 1, character: location.column - 1 }, end: { line: location.line - 1, character: Number.MAX_SAFE_INTEGER }
        })
    };
    const content = terminalText(render(run, flags.format, options));
    if (flags.output) {
        await writeOutputFile(flags.output, content, inputs, 'the test results');
        await write(process.stderr, `mandate: wrote ${flags.output}\n`);
        await write(process.stderr, renderText(run, options).split('\n').slice(-2).join('\n'));
    } else {
        await write(process.stdout, content);
    }
    if (internalErrors.length > 0) {
        await write(process.stderr, `mandate: internal error while checking, results may be incomplete: ${internalErrors[0]}\n`);
        return EXIT_USAGE;
    }
    return run.summary.errored > 0 ? EXIT_USAGE : run.summary.failed > 0 ? EXIT_ERRORS : 0;
}

function render(run: PolicyTestRun, format: TestFlags['format'], options: RenderOptions): string {
    if (format === 'json') return renderJson(run, TOOL_VERSION);
    if (format === 'junit') return renderJunit(run, options);
    return renderText(run, options);
}
