/**
 * The import figure (issue 14): a 10,000-person HR export imported with `mandate import`, then the
 * policy with those people checked, each a real CLI run; the figure is the two together. 0.1.0 has
 * no import, so this build only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSummary, failureOf, isCleanCheck, runCli, type CliRun } from './cli-runs.js';
import { missing, record, type BenchContext } from './context.js';
import { directoryExport } from './generate-directory.js';
import { BENCH_AS_OF } from './generate-workspace.js';
import { formatMs, median } from './stats.js';

export const IMPORT_PEOPLE = 10_000;

/** A small clean policy the imported people join: their roles are assigned by hand, later. */
const POLICY = [
    'organization bench "Bench Corp" { top management board }',
    'role board "Board of Directors"',
    'role ciso "Chief Information Security Officer" {',
    '    designated CISO',
    '    reports to board',
    '    responsible for isms-reporting, isms-conformance',
    '    accountable for isms-reporting, isms-conformance',
    '}',
    'responsibility isms-reporting "Report ISMS performance" { satisfies ISO27001:5.3(b) every quarter }',
    'responsibility isms-conformance "Keep the ISMS conforming" { satisfies ISO27001:5.3(a) }',
    'person chief "Chief Security" { employed since 2019-01-01 }',
    'assign chief to ciso since 2020-01-01 appointed by board { announced 2020-01-02 via intranet to all-staff }',
    ''
].join('\n');

export async function measureImport(context: BenchContext): Promise<void> {
    const current = context.builds.find(entry => entry.slot === 'current');
    if (!current) return;
    const source = directoryExport(IMPORT_PEOPLE);
    context.results.note('import-10k', `\`mandate import hr/export.csv -o people/\` of a ${IMPORT_PEOPLE.toLocaleString('en')}-row BambooHR export (bench/generate-directory.ts), then \`mandate check\` of the policy and the generated file, into a fresh folder each run; median of ${context.settings.runs} runs of both.`);
    const totals: number[] = [];
    for (let i = 0; i < context.settings.runs; i++) {
        const folder = join(context.scratch, `import-${i}`);
        mkdirSync(join(folder, 'hr'), { recursive: true });
        writeFileSync(join(folder, 'policy.mandate'), POLICY);
        writeFileSync(join(folder, 'hr', 'export.csv'), source);
        const options = { timeoutMs: context.settings.timeoutMs, scratch: context.scratch };
        const imported = await runCli(current.build.cli, ['import', join(folder, 'hr', 'export.csv'), '-o', join(folder, 'people'), '--as-of', BENCH_AS_OF], options);
        const importFailure = failureOf(imported, context.settings.timeoutMs);
        if (importFailure) return record(context, 'import-10k', 'current', missing(`import failed: ${importFailure}`));
        const checked: CliRun = await runCli(current.build.cli, ['check', folder, '--as-of', BENCH_AS_OF], options);
        if (!isCleanCheck(checked)) return record(context, 'import-10k', 'current', missing(`check not clean: ${checkSummary(checked)}`));
        totals.push(imported.ms + checked.ms);
        context.results.note('import-10k', `run ${i + 1}: import ${formatMs(imported.ms)}, check ${formatMs(checked.ms)}.`);
    }
    const ms = median(totals);
    record(context, 'import-10k', 'current', { value: ms, text: formatMs(ms) });
}
