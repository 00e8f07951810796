import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { checkSources } from '../language/engine/check-sources.js';
import { isValidIsoDate } from '../language/util/dates.js';
import { findPolicyFiles, InputError, readPolicyFiles } from './files.js';
import { formatJson, formatText } from './format.js';

declare const MANDATE_VERSION: string;

const EXIT_ERRORS = 1;
const EXIT_USAGE = 2;

function parseAsOf(value: string): string {
    if (!isValidIsoDate(value)) {
        throw new InvalidArgumentError(`'${value}' is not a valid date; use YYYY-MM-DD.`);
    }
    return value;
}

interface CheckFlags {
    format: 'text' | 'json';
    asOf?: string;
}

async function runCheck(paths: string[], flags: CheckFlags): Promise<number> {
    const files = await findPolicyFiles(paths.length > 0 ? paths : ['.']);
    const sources = await readPolicyFiles(files);
    const { findings } = await checkSources(sources, { asOf: flags.asOf });
    process.stdout.write(flags.format === 'json' ? formatJson(findings) : formatText(findings, files.length));
    return findings.some(finding => finding.severity === 'error') ? EXIT_ERRORS : 0;
}

function program(): Command {
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
            process.exitCode = await runCheck(paths, flags);
        });
    return command;
}

export async function main(argv: readonly string[]): Promise<number> {
    try {
        await program().parseAsync([...argv], { from: 'user' });
        return typeof process.exitCode === 'number' ? process.exitCode : 0;
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

main(process.argv.slice(2)).then(code => process.exit(code));
