import { Command, Option } from 'commander';
import {
    holdersOf, ownWorkspace, queryContext, QueryNameError, renderQueryText, timelineOf, whatIf, whoMayAppoint, whoMayPerform,
    type QueryAnswer, type QueryContext
} from '../../language/query/index.js';
import { LINKING_ERROR_CODE } from '../../language/mandate-issue-codes.js';
import { InputError } from '../files.js';
import { displayPath } from '../format.js';
import { loadWorkspace } from '../load.js';
import { write } from '../output.js';

/** The version of the JSON shape of `mandate query --format json` (README "mandate query"); bumped only on a breaking change. */
export const QUERY_SCHEMA_VERSION = 1;

export interface QueryFlags {
    format: 'text' | 'json';
    asOf?: string;
    /** what-if: the first day without the person or the role's holders (default: the as-of date). */
    on?: string;
    explain?: boolean;
    config?: string;
    followSymlinks?: boolean;
}

/** Findings that mean the policy was not read in full. */
const BROKEN_INPUT = new Set(['parsing-error', 'lexing-error', LINKING_ERROR_CODE]);

/** What main.ts shares with every command: the date parser and the help of the common options. */
export interface CommonOptions {
    readonly parseDate: (value: string) => string;
    readonly configHelp: string;
    readonly followHelp: string;
}

type Ask = (context: QueryContext, date: string, flags: QueryFlags) => QueryAnswer | Promise<QueryAnswer>;

/** Loads the workspace like `mandate check`, asks one question on the as-of date, prints the answer. */
async function runQuery(paths: readonly string[], flags: QueryFlags, ask: Ask): Promise<number> {
    const { checked, internalErrors } = await loadWorkspace(paths, flags);
    const broken = checked.findings.filter(finding => BROKEN_INPUT.has(finding.rule));
    if (broken.length > 0) {
        // An answer about a policy that did not parse or link is partial: say so, and where, but still answer.
        const [first] = broken;
        await write(process.stderr, `mandate: the policy has ${broken.length} syntax or reference error${broken.length === 1 ? '' : 's'} (mandate check lists them), `
            + `so the answer reads it as far as it parsed; the first: ${displayPath(first.uri)}:${first.line}:${first.column}: ${first.message.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
    }
    const context = queryContext(checked.services.shared);
    let answer: QueryAnswer;
    try {
        answer = await ask(context, context.settings.asOf(), flags);
    } catch (error) {
        // A name the policy does not declare is the user's input to fix, said with the closest name.
        if (error instanceof QueryNameError) throw new InputError(error.message);
        throw error;
    }
    await write(process.stdout, flags.format === 'json'
        ? `${JSON.stringify({ schemaVersion: QUERY_SCHEMA_VERSION, ...answer }, undefined, 2)}\n`
        : renderQueryText(answer, { explain: flags.explain }));
    if (internalErrors.length > 0) {
        await write(process.stderr, `mandate: internal error while checking, the answer may be incomplete: ${internalErrors[0]}\n`);
        return 2;
    }
    return 0;
}

function withCommonOptions(command: Command, common: CommonOptions): Command {
    return command
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
        .option('--as-of <date>', 'the date the question is asked on, YYYY-MM-DD (default: today)', common.parseDate)
        .option('--explain', 'text: print each answer\'s chain (role ← assignment ← delegation …) one step a line with file:line:column')
        .option('--config <file>', common.configHelp)
        .option('--follow-symlinks', common.followHelp)
        .exitOverride();
}

/** `mandate query …`: the query engine (language/query/) on the files under `paths`. */
export function queryCommand(onExitCode: (code: number) => void, common: CommonOptions): Command {
    const query = new Command('query')
        .description('Ask the policy a question on a date, with the explanation and source locations: holders, may-perform, may-appoint, what-if, timeline.')
        .addHelpText('after', '\nExamples:\n  mandate query holders ciso policy/\n  mandate query may-perform risk-assessment --explain\n'
            + '  mandate query may-appoint sysadmin --as-of 2025-06-30\n  mandate query what-if leaves alice --on 2025-07-01\n'
            + '  mandate query what-if vacate ciso\n  mandate query timeline alice\n'
            + '\nExit codes: 0 answered, 2 usage or input error (an unknown name, a bad date, unreadable files).\n')
        .exitOverride();
    const simple = (name: string, argument: string, description: string, ask: (context: QueryContext, subject: string, date: string) => QueryAnswer) => {
        query.addCommand(withCommonOptions(new Command(name).description(description)
            .argument(`<${argument}>`, `the ${argument}'s name as declared`)
            .argument('[paths...]', 'files or folders that make up the policy (folders are searched for *.mandate)', []), common)
            .action(async (subject: string, paths: string[], flags: QueryFlags) =>
                onExitCode(await runQuery(paths, flags, (context, date) => ask(context, subject, date)))));
    };
    simple('holders', 'role', 'Who holds a role on the date, with the tenure behind each holder.', holdersOf);
    simple('may-perform', 'duty', 'Who may perform a responsibility or use an authority on the date: holders of the carrying roles and active delegations, chained.', whoMayPerform);
    simple('may-appoint', 'role', 'Who may appoint to a role on the date: top management, appointing bodies, holders of `may appoint` authorities and their delegations.', whoMayAppoint);
    simple('timeline', 'name', 'Every dated event of a person or role (employment, appointments, renewals, delegations, announcements, training), in date order.',
        (context, subject) => timelineOf(context, subject));
    const whatIfCommand = new Command('what-if')
        .description('What changes if a person leaves or a role is vacated: roles left vacant, duties uncovered, requirement status and findings.')
        .exitOverride();
    for (const [kind, argument, description] of [
        ['leaves', 'person', 'The person leaves: the day before --on is their last day with the organization, in every role and delegation.'],
        ['vacate', 'role', 'Every holder of the role leaves it: the day before --on is their last day in it.']
    ] as const) {
        whatIfCommand.addCommand(withCommonOptions(new Command(kind).description(description)
            .argument(`<${argument}>`, `the ${argument}'s name as declared`)
            .argument('[paths...]', 'files or folders that make up the policy (folders are searched for *.mandate)', [])
            .option('--on <date>', 'the first day without them, YYYY-MM-DD; both sides are checked on it (default: the as-of date)', common.parseDate), common)
            .action(async (subject: string, paths: string[], flags: QueryFlags) => onExitCode(await runQuery(paths, flags, (context, date, given) =>
                // The CLI's workspace is its own: the what-if changes it in place instead of checking a copy.
                whatIf(context, kind === 'leaves' ? { kind, person: subject } : { kind, role: subject }, given.on ?? date,
                    ownWorkspace(context.shared, context.model.documents))))));
    }
    query.addCommand(whatIfCommand);
    return query;
}
