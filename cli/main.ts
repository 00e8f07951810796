import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { NodeFileSystem } from 'langium/node';
import { checkSources } from '../language/engine/check-sources.js';
import { isValidIsoDate } from '../language/util/dates.js';
import { findPolicyFiles, InputError, readPolicyFiles, workspaceRoots } from './files.js';
import { formatJson, formatText } from './format.js';
import { withQuietConsole } from './quiet-console.js';

declare const MANDATE_VERSION: string;

const EXIT_ERRORS = 1;
const EXIT_USAGE = 2;

function parseAsOf(value: string): string {
    if (!isValidIsoDate(value)) {
        throw new InvalidArgumentError(`'${value}' is not a valid date; use YYYY-MM-DD.`);
    }
    return value;
}

/** Resolves once `text` has been handed to the operating system (or the stream has failed). */
function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
    return new Promise(resolve => stream.write(text, () => resolve()));
}

interface CheckFlags {
    format: 'text' | 'json';
    asOf?: string;
}

async function runCheck(paths: string[], flags: CheckFlags): Promise<number> {
    const targets = paths.length > 0 ? paths : ['.'];
    const files = await findPolicyFiles(targets);
    const sources = await readPolicyFiles(files);
    const roots = await workspaceRoots(targets);
    const { result: { findings }, errors } = await withQuietConsole(() =>
        checkSources(sources, { asOf: flags.asOf, roots, fileSystem: NodeFileSystem.fileSystemProvider }));
    await write(process.stdout, flags.format === 'json' ? formatJson(findings) : formatText(findings, files.length));
    if (errors.length > 0) {
        // The engine caught a failure of its own; never let that pass as a clean result.
        await write(process.stderr, `mandate: internal error while checking, results may be incomplete: ${errors[0]}\n`);
        return EXIT_ERRORS;
    }
    return findings.some(finding => finding.severity === 'error') ? EXIT_ERRORS : 0;
}

function program(onExitCode: (code: number) => void): Command {
    const command = new Command('mandate')
        .description('Information-security roles and responsibilities as code: checks for ISO/IEC 27001 clause 5.3.')
        .version(typeof MANDATE_VERSION === 'string' ? MANDATE_VERSION : 'dev')
        .exitOverride()
        .configureOutput({ writeErr: text => process.stderr.write(text) });
    command.command('check')
        .description('Check .mandate policy files and print every finding.')
        .argument('[paths...]', 'files or folders to check (folders are searched for *.mandate)', [])
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
        .option('--as-of <date>', 'as-of date for time-dependent checks, YYYY-MM-DD (default: today)', parseAsOf)
        .exitOverride()
        .action(async (paths: string[], flags: CheckFlags) => {
            onExitCode(await runCheck(paths, flags));
        });
    return command;
}

export async function main(argv: readonly string[]): Promise<number> {
    if (argv.length === 0) {
        process.stderr.write("mandate: missing command; run 'mandate --help' for usage\n");
        return EXIT_USAGE;
    }
    let exitCode = 0;
    try {
        await program(code => { exitCode = code; }).parseAsync([...argv], { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            // Help and version are successful exits; commander already printed the usage problem.
            return error.exitCode === 0 ? 0 : EXIT_USAGE;
        }
        if (error instanceof InputError) {
            process.stderr.write(`mandate: ${error.message}\n`);
            return EXIT_USAGE;
        }
        process.stderr.write(`mandate: internal error: ${(error as Error).message}\n`);
        return EXIT_USAGE;
    }
}

// A reader that goes away early (`mandate check | head -1`) is not an error worth a stack trace;
// any other failure to write the output is, and must not end in a passing exit code.
let outputFailed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    outputFailed = true;
    process.stderr.write(`mandate: cannot write output: ${error.code ?? error.message}\n`);
});
process.stderr.on('error', () => undefined);

main(process.argv.slice(2)).then(async code => {
    // Exiting before stdout drains would cut long output short when it goes to a pipe.
    await write(process.stdout, '');
    await write(process.stderr, '');
    process.exit(outputFailed ? EXIT_USAGE : code);
});
