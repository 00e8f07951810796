import { combineMappings, DEFAULT_ACTIVE_VALUES, MAPPED_FIELDS, type ColumnMapping, type DirectorySettings, type MappedField } from './column-mapping.js';
import { parseCsv, raggedRowProblems, type CsvRow } from './csv-parser.js';
import type { DirectoryProblem, DirectoryReadResult, DirectoryRecord } from './directory-record.js';
import { PRESETS } from './presets.js';
import { finishRecords, makeRecord, type RawFields } from './record-fields.js';

const fold = (header: string) => header.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Which columns may hold each field, by the mapping's header names, in the mapping's order: a row
 * takes the first of them that is not empty (Entra ID's `mail` is empty for some accounts, whose
 * `userPrincipalName` is the address).
 */
function columnIndexes(header: CsvRow, mapping: ColumnMapping): Partial<Record<MappedField, number[]>> {
    const positions = new Map<string, number>();
    header.cells.forEach((cell, index) => { if (!positions.has(fold(cell))) positions.set(fold(cell), index); });
    const indexes: Partial<Record<MappedField, number[]>> = {};
    for (const field of MAPPED_FIELDS) {
        const found = (mapping.columns[field] ?? []).map(name => positions.get(fold(name))).filter((index): index is number => index !== undefined);
        if (found.length > 0) indexes[field] = found;
    }
    return indexes;
}

const hasName = (found: Partial<Record<MappedField, number[]>>) => found.name !== undefined || found.givenName !== undefined || found.familyName !== undefined;
const hasKey = (found: Partial<Record<MappedField, number[]>>) => found.employeeNumber !== undefined || found.email !== undefined;

/** The preset whose columns the header has most of, when none was named. */
function detectPreset(header: CsvRow): string | undefined {
    let best: { name: string; score: number } | undefined;
    for (const [name, preset] of Object.entries(PRESETS)) {
        const found = columnIndexes(header, preset.mapping);
        if (!hasName(found) || !hasKey(found)) continue;
        const score = Object.keys(found).length;
        if (!best || score > best.score) best = { name, score };
    }
    return best?.name;
}

function isEmptyRow(row: CsvRow): boolean {
    for (const cell of row.cells) if (cell.trim() !== '') return false;
    return true;
}

/** Of the columns that may hold a field, the first not empty in this row, else the first. */
function columnOf(row: CsvRow, candidates: readonly number[] | undefined): number | undefined {
    if (candidates === undefined) return undefined;
    if (candidates.length === 1) return candidates[0]; // empty or not, it is the one
    for (const candidate of candidates) if ((row.cells[candidate] ?? '').trim() !== '') return candidate;
    return candidates[0];
}

/** The cell of the column that holds a field in this row (see `columnOf`). */
function cellOf(row: CsvRow, candidates: readonly number[] | undefined): string | undefined {
    const column = columnOf(row, candidates);
    return column === undefined ? undefined : row.cells[column];
}

/** A date cell with where it is, for a message about it. */
function dateCellOf(row: CsvRow, candidates: readonly number[] | undefined, file: string): RawFields['start'] {
    const column = columnOf(row, candidates);
    return column === undefined ? undefined : { value: row.cells[column] ?? '', at: { file, line: row.lines[column] ?? row.lines[0], column: row.columns[column] ?? 1 } };
}

/** The name column, else the given and family names that are there, joined by a space. */
function fullNameOf(row: CsvRow, found: Partial<Record<MappedField, number[]>>): string {
    const name = cellOf(row, found.name)?.trim();
    if (name) return name;
    const given = cellOf(row, found.givenName)?.trim();
    const family = cellOf(row, found.familyName)?.trim();
    return given && family ? `${given} ${family}` : given || family || '';
}

/** Reads a CSV export into directory records. Never throws: a broken file comes back with its problems. */
export function readCsvDirectory(text: string, file: string, settings: DirectorySettings = {}): DirectoryReadResult {
    const table = parseCsv(text, { delimiter: settings.delimiter });
    const at = (line: number, column: number) => ({ file, line, column });
    // After a quoting mistake the rows around it are cut wrongly: their widths would be noise.
    const problems: DirectoryProblem[] = [...table.problems, ...(table.problems.length > 0 ? [] : raggedRowProblems(table))]
        .map(problem => ({ location: at(problem.line, problem.column), message: problem.message }));
    const presetName = settings.preset ?? (settings.mapping ? undefined : detectPreset(table.header));
    const preset = presetName === undefined ? undefined : PRESETS[presetName];
    const description = `CSV${preset ? ` (${preset.label} preset${settings.preset ? '' : ', detected'})` : ''}${settings.mapping ? ' with the mapping of mandate.config.json' : ''}`;
    if (presetName !== undefined && !preset) {
        problems.push({ location: at(1, 1), message: `there is no preset '${presetName}'; the presets are ${Object.keys(PRESETS).join(', ')}` });
        return { records: [], problems, description };
    }
    if (table.header.cells.length === 0) {
        problems.push({ location: at(1, 1), message: 'the file is empty; a CSV export starts with a header line' });
        return { records: [], problems, description };
    }
    if (!preset && !settings.mapping) {
        problems.push({ location: at(1, 1), message: `the header matches no preset; give --preset (${Object.keys(PRESETS).join(', ')}) or a "directory" mapping in mandate.config.json` });
        return { records: [], problems, description };
    }
    const mapping = combineMappings(preset?.mapping, settings.mapping);
    const found = columnIndexes(table.header, mapping);
    const expected = (fields: MappedField[]) => fields.flatMap(field => mapping.columns[field] ?? []).map(name => `'${name}'`).join(', ');
    if (!hasName(found)) problems.push({ location: at(1, 1), message: `no column holds the name; expected one of ${expected(['name', 'givenName', 'familyName']) || 'the mapping\'s "name" columns'}` });
    if (!hasKey(found)) problems.push({ location: at(1, 1), message: `no column holds an employee number or e-mail address; expected one of ${expected(['employeeNumber', 'email']) || 'the mapping\'s "employeeNumber" or "email" columns'}` });
    if (problems.length > 0) return { records: [], problems, description };
    const activeValues = new Set((mapping.activeValues ?? DEFAULT_ACTIVE_VALUES).map(fold));
    const records: DirectoryRecord[] = [];
    for (const row of table.rows) {
        if (isEmptyRow(row)) continue; // a row of empty fields, as spreadsheets append
        const status = cellOf(row, found.status);
        const raw: RawFields = {
            employeeNumber: cellOf(row, found.employeeNumber), name: fullNameOf(row, found), email: cellOf(row, found.email), title: cellOf(row, found.title),
            department: cellOf(row, found.department), manager: cellOf(row, found.manager),
            active: status === undefined || status.trim() === '' ? true : activeValues.has(fold(status)),
            start: dateCellOf(row, found.start, file), end: dateCellOf(row, found.end, file)
        };
        const record = makeRecord(raw, at(row.lines[0], 1), mapping.dateOrder, problems);
        if (record) records.push(record);
    }
    return { records: finishRecords(records, problems), problems, description };
}
