import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { REPORT_FORMATS } from '../language/report/formats.js';
import { presetNames } from '../language/import/presets.js';
import { isValidIsoDate } from '../language/util/dates.js';
import { runCatalogue, type CatalogueFlags } from './commands/catalogue.js';
import { FAIL_LEVELS, runCheck, type CheckFlags } from './commands/check.js';
import { runDiff, type DiffFlags } from './commands/diff.js';
import { isSideWorker, runSideWorker } from './diff-thread.js';
import { isGraphWorker, runGraphWorker } from './graph-thread.js';
import { runFmt, type FmtFlags } from './commands/fmt.js';
import { queryCommand } from './commands/query.js';
import { runImport, SHOWN_CHANGES, type ImportFlags } from './commands/import.js';
import { runReport, type ReportFlags } from './commands/report.js';
import { runConfigSchema, runRules, type RulesFlags } from './commands/rules.js';
import { runTest, type TestFlags } from './commands/test.js';
import { InputError } from './files.js';
import { EXIT_USAGE, terminalText, TOOL_VERSION, write } from './output.js';

function parseAsOf(value: string): string {
    if (!isValidIsoDate(value)) {
        throw new InvalidArgumentError(`'${value}' is not a valid date; use YYYY-MM-DD.`);
    }
    return value;
}

const AS_OF_HELP = 'as-of date for time-dependent checks, YYYY-MM-DD (default: today)';
const CONFIG_HELP = 'rule severities and options, a regular file (default: mandate.config.json at the root of the checked folder)';
const FOLLOW_HELP = 'follow symbolic links that lead out of the checked folder (default: skip them, saying so)';

function program(onExitCode: (code: number) => void): Command {
    const command = new Command('mandate')
        .description('Information-security roles and responsibilities as code: checks for ISO/IEC 27001 clause 5.3.')
        .version(TOOL_VERSION)
        .exitOverride()
        .configureOutput({ writeErr: text => process.stderr.write(terminalText(text)) });
    command.command('check')
        .description('Check .mandate policy files and print every finding.')
        .argument('[paths...]', 'files or folders to check (folders are searched for *.mandate)', [])
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
        .option('--as-of <date>', AS_OF_HELP, parseAsOf)
        .option('--config <file>', CONFIG_HELP)
        .option('--follow-symlinks', FOLLOW_HELP)
        .option('--docs-base-uri <url>', 'SARIF only: absolute URL of the folder with the rule pages, for helpUri links')
        .option('--redact', 'pseudonymise every declared person in the findings (as report --redact does), e.g. for SARIF shared outside the security team')
        .addOption(new Option('--fail-level <level>', 'the lowest severity of finding that makes the exit code 1 (note: information and hints too; none: no finding; accepted exceptions never do)')
            .choices([...FAIL_LEVELS]).default('error'))
        .exitOverride()
        .action(async (paths: string[], flags: CheckFlags) => onExitCode(await runCheck(paths, flags)));
    command.command('report')
        .description('Write the audit report: the auditor\'s four questions answered with evidence, roles, delegations, training and findings.')
        .argument('[paths...]', 'files or folders that make up the policy (folders are searched for *.mandate)', [])
        .addOption(new Option('--format <format>', 'report format').choices([...REPORT_FORMATS]).default('md'))
        .option('-o, --output <file>', 'write the report to this file instead of standard output')
        .option('--redact', 'pseudonymise every declared person (Person 1…n) for sharing outside the security team')
        .option('--as-of <date>', AS_OF_HELP, parseAsOf)
        .option('--config <file>', CONFIG_HELP)
        .option('--follow-symlinks', FOLLOW_HELP)
        .option('--since <revision>', 'add "Changes in the audit period": what changed since this git revision (e.g. v2025-audit), both read on the as-of date')
        .exitOverride()
        .action(async (paths: string[], flags: ReportFlags) => onExitCode(await runReport(paths, flags)));
    command.command('diff')
        .description('Show what changed in the policy between two git revisions or two folders: holders, appointments, duties, delegations, conflicts, exceptions, requirement status and findings.')
        .argument('<from>', 'a revision (v2025-audit, HEAD~3), a range (A..B, A...B) or a folder')
        .argument('[to]', 'a revision or a folder (default: the working tree of --path)')
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
        .option('-o, --output <file>', 'write the diff to this file instead of standard output')
        .option('--path <folder>', 'the policy folder inside the repository (default: the current folder)')
        .option('--as-of <date>', 'date both sides are read on, YYYY-MM-DD (default: today)', parseAsOf)
        .option('--from-as-of <date>', 'read the older side on this date instead, e.g. the start of the audit period', parseAsOf)
        .option('--config <file>', 'a mandate.config.json for both sides (default: each side\'s own)')
        .option('--follow-symlinks', FOLLOW_HELP)
        .option('--exit-code', 'exit 1 when anything changed, as git diff --exit-code does')
        .addHelpText('after', '\nAn argument that is an existing folder is a folder; anything else is a git revision.\n'
            + 'Exit codes: 0 done (with --exit-code: no changes), 1 with --exit-code: changes, 2 usage, input or git error.\n')
        .exitOverride()
        .action(async (from: string, to: string | undefined, flags: DiffFlags) => onExitCode(await runDiff(from, to, flags)));
    command.command('test')
        .description('Run the policy tests: `test "…" on DATE { expect … }` blocks in .mandate files, each on its own date.')
        .argument('[paths...]', 'files or folders that make up the policy and its tests (folders are searched for *.mandate)', [])
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'junit']).default('text'))
        .option('-o, --output <file>', 'write the results to this file instead of standard output')
        .option('--as-of <date>', 'the date of tests written without `on`, YYYY-MM-DD (default: none; such tests error)', parseAsOf)
        .option('--config <file>', CONFIG_HELP)
        .option('--follow-symlinks', FOLLOW_HELP)
        .addHelpText('after', '\nExit codes: 0 every test passed, 1 an expectation failed, 2 a file did not parse, a test could not run, or no test was found.\n')
        .exitOverride()
        .action(async (paths: string[], flags: TestFlags) => onExitCode(await runTest(paths, flags)));
    command.addCommand(queryCommand(onExitCode, { parseDate: parseAsOf, configHelp: CONFIG_HELP, followHelp: FOLLOW_HELP }));
    command.command('fmt')
        .description('Format .mandate files in the canonical layout (the editor\'s Format Document).')
        .argument('[paths...]', 'files or folders to format (folders are searched for *.mandate; default: the current folder)', [])
        .option('--check', 'list the files that are not formatted and exit 1 if there are any; change nothing')
        .option('--write', 'rewrite the files that are not formatted, each atomically, and list them')
        .option('--follow-symlinks', FOLLOW_HELP)
        .addHelpText('after', '\nWithout --check or --write, prints one file formatted to standard output.\n'
            + 'A file with a syntax error is never formatted: it is named with its line and column, and the command exits 2.\n'
            + 'Exit codes: 0 formatted, 1 --check found files to format, 2 a file could not be read, parsed or written.\n')
        .exitOverride()
        .action(async (paths: string[], flags: FmtFlags) => onExitCode(await runFmt(paths, flags)));
    command.command('rules')
        .description('List every rule: id, default severity, category, summary and the standards it evidences.')
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
        .exitOverride()
        .action(async (flags: RulesFlags) => onExitCode(await runRules(flags)));
    command.command('catalogue')
        .description('List the frameworks and requirements a policy can cite: the built-in ones and the organization\'s own.')
        .argument('[paths...]', 'files or folders whose own frameworks to include, as for check (default: the current folder)', [])
        .option('--framework <prefix>', 'list only this framework, e.g. ISO27001')
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
        .option('--config <file>', CONFIG_HELP)
        .option('--follow-symlinks', FOLLOW_HELP)
        .exitOverride()
        .action(async (paths: string[], flags: CatalogueFlags) => onExitCode(await runCatalogue(paths, flags)));
    command.command('import')
        .description('Write people from an HR or identity-provider export (CSV or SCIM 2.0 JSON) into a generated .mandate file.')
        .argument('<source>', 'the export: a CSV file, or a SCIM 2.0 ListResponse of users (.json)')
        .requiredOption('-o, --output <path>', 'the generated file: a .mandate file, or a folder to write imported-people.mandate in')
        .option('--preset <name>', `the CSV export's columns: ${presetNames().join(', ')} (default: the "directory" mapping of mandate.config.json, else detected from the header)`)
        .addOption(new Option('--format <format>', 'the source format (default: scim for a .json file, csv otherwise)').choices(['csv', 'scim']))
        .option('--delimiter <char>', "CSV only: ',', ';' or 'tab' (default: detected from the header line)")
        .option('--as-of <date>', 'the import\'s date: someone no longer in the source is employed until the day before (default: today)', parseAsOf)
        .option('--config <file>', 'the configuration whose "directory" says how to read the export (default: mandate.config.json in the working folder)')
        .option('--dry-run', 'print what would change (added, ended, changed, collisions) and write nothing')
        .option('--verbose', `list every person added, ended or changed (default: the first ${SHOWN_CHANGES} of each, and how many more)`)
        .addHelpText('after', '\nOnly a file that mandate import wrote is ever rewritten; people declared by hand or in another generated file of the workspace are left alone,\n'
            + 'and no name declared anywhere in the workspace (the folder of mandate.config.json) is given to a new person.\n'
            + 'Exit codes: 0 imported (or up to date), 2 the source is broken (file:line:column), the target is not a generated file or was edited by hand,\n'
            + 'or it would hold no one; then nothing is written.\n')
        .exitOverride()
        .action(async (source: string, flags: ImportFlags) => onExitCode(await runImport(source, flags)));
    command.command('config-schema')
        .description('Print the JSON Schema of mandate.config.json.')
        .option('--catalogue', 'print the JSON Schema of a catalogue file instead')
        .exitOverride()
        .action(async (flags: { catalogue?: boolean }) => onExitCode(await runConfigSchema(flags)));
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
            process.stderr.write(terminalText(`mandate: ${error.message}\n`));
            return EXIT_USAGE;
        }
        process.stderr.write(terminalText(`mandate: internal error: ${(error as Error).message}\n`));
        return EXIT_USAGE;
    }
}

if (isSideWorker()) {
    // A side of `mandate diff` built in a worker thread (cli/diff-thread.ts): no command line to run.
    void runSideWorker();
} else if (isGraphWorker()) {
    // The graph of an HTML report drawn in a worker thread (cli/graph-thread.ts).
    void runGraphWorker();
} else {
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
}
