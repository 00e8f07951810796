import { combineMappings, DEFAULT_ACTIVE_VALUES, MAPPED_FIELDS, type ColumnMapping, type DirectorySettings, type MappedField } from './column-mapping.js';
import { delimiterOf, emptyRow, raggedRowProblem, readCsvRows, type CsvProblem, type CsvRow } from './csv-parser.js';
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

/** How the header says the rows are read: the mapped columns, or why they cannot be. */
interface HeaderReading {
    readonly description: string;
    /** What is wrong with the header or the settings, in the order reported; the rows are read only without any. */
    readonly problems: DirectoryProblem[];
    readonly columns?: {
        readonly mapping: ColumnMapping;
        readonly found: Partial<Record<MappedField, number[]>>;
        readonly activeValues: ReadonlySet<string>;
    };
}

/** The delimiters `--delimiter` takes, as they are written on the command line. */
const DELIMITER_FLAGS: ReadonlyArray<readonly [string, string]> = [[',', ','], [';', ';'], ['\t', 'tab']];

/**
 * A header read as one column that holds another delimiter: the file is separated by that one
 * (`--delimiter ';'` given for a comma-separated export). Said instead of "no preset matches".
 */
function otherDelimiterHint(header: CsvRow): string | undefined {
    if (header.cells.length !== 1) return undefined;
    const other = DELIMITER_FLAGS.find(([character]) => header.cells[0].includes(character));
    return other && `the header line is read as one column, which holds '${other[1]}': the file seems to be separated by it; give --delimiter ${other[1] === ';' ? "';'" : other[1]}`;
}

function readHeader(header: CsvRow, file: string, settings: DirectorySettings): HeaderReading {
    const at = (line: number, column: number) => ({ file, line, column });
    const problems: DirectoryProblem[] = [];
    const presetName = settings.preset ?? (settings.mapping ? undefined : detectPreset(header));
    const preset = presetName === undefined ? undefined : PRESETS[presetName];
    const description = `CSV${preset ? ` (${preset.label} preset${settings.preset ? '' : ', detected'})` : ''}${settings.mapping ? ' with the mapping of mandate.config.json' : ''}`;
    if (presetName !== undefined && !preset) {
        problems.push({ location: at(1, 1), message: `there is no preset '${presetName}'; the presets are ${Object.keys(PRESETS).join(', ')}` });
        return { description, problems };
    }
    if (header.cells.length === 0) {
        problems.push({ location: at(1, 1), message: 'the file is empty; a CSV export starts with a header line' });
        return { description, problems };
    }
    const split = otherDelimiterHint(header);
    if (!preset && !settings.mapping) {
        problems.push({ location: at(1, 1), message: split ?? `the header matches no preset; give --preset (${Object.keys(PRESETS).join(', ')}) or a "directory" mapping in mandate.config.json` });
        return { description, problems };
    }
    const mapping = combineMappings(preset?.mapping, settings.mapping);
    const found = columnIndexes(header, mapping);
    const expected = (fields: MappedField[]) => fields.flatMap(field => mapping.columns[field] ?? []).map(name => `'${name}'`).join(', ');
    if (split) problems.push({ location: at(1, 1), message: split });
    else if (!hasName(found)) problems.push({ location: at(1, 1), message: `no column holds the name; expected one of ${expected(['name', 'givenName', 'familyName']) || 'the mapping\'s "name" columns'}` });
    if (!split && !hasKey(found)) problems.push({ location: at(1, 1), message: `no column holds an employee number or e-mail address; expected one of ${expected(['employeeNumber', 'email']) || 'the mapping\'s "employeeNumber" or "email" columns'}` });
    // Two columns of one mapped name: the first would win and the other's values vanish without a word.
    const mappedNames = new Set(MAPPED_FIELDS.flatMap(field => mapping.columns[field] ?? []).map(fold));
    const firstAt = new Map<string, number>();
    header.cells.forEach((cell, index) => {
        const name = fold(cell);
        if (!mappedNames.has(name)) return;
        const first = firstAt.get(name);
        if (first === undefined) firstAt.set(name, index);
        else problems.push({ location: at(header.lines[index], header.columns[index]), message: `the header has '${cell.trim()}' twice (columns ${first + 1} and ${index + 1}), so which one holds the value is unclear; rename or remove one` });
    });
    // A column the team mapped by hand that the header lacks is a typo, not an empty field: leavers would read as active.
    const own = settings.mapping ? columnIndexes(header, settings.mapping) : {};
    for (const field of MAPPED_FIELDS) {
        const names = settings.mapping?.columns[field];
        if (!split && names && names.length > 0 && own[field] === undefined) {
            problems.push({ location: at(1, 1), message: `the header has no column ${names.map(name => `'${name}'`).join(' or ')}, which the "directory" mapping of mandate.config.json names for "${field}"` });
        }
    }
    if (problems.length > 0) return { description, problems };
    return { description, problems, columns: { mapping, found, activeValues: new Set((mapping.activeValues ?? DEFAULT_ACTIVE_VALUES).map(fold)) } };
}

/** One row's record, or undefined with the reason in `problems`. */
function recordOf(row: CsvRow, columns: NonNullable<HeaderReading['columns']>, file: string, problems: DirectoryProblem[]): DirectoryRecord | undefined {
    const { found, activeValues } = columns;
    const status = cellOf(row, found.status);
    const raw: RawFields = {
        employeeNumber: cellOf(row, found.employeeNumber), name: fullNameOf(row, found), email: cellOf(row, found.email), title: cellOf(row, found.title),
        department: cellOf(row, found.department), manager: cellOf(row, found.manager),
        active: status === undefined || status.trim() === '' ? true : activeValues.has(fold(status)),
        start: dateCellOf(row, found.start, file), end: dateCellOf(row, found.end, file)
    };
    return makeRecord(raw, { file, line: row.lines[0], column: 1 }, columns.mapping.dateOrder, problems);
}

/**
 * Reads a CSV export into directory records. Never throws: a broken file comes back with its
 * problems. Each row becomes a record as it is read, so the table is never held whole (a
 * 10,000-row export's rows would otherwise outlive the read, for the garbage collector to copy).
 */
export function readCsvDirectory(text: string, file: string, settings: DirectorySettings = {}): DirectoryReadResult {
    const delimiter = delimiterOf(text, { delimiter: settings.delimiter });
    let header: HeaderReading | undefined;
    let width = 0;
    const ragged: CsvProblem[] = [];
    const records: DirectoryRecord[] = [];
    const recordProblems: DirectoryProblem[] = [];
    const csvProblems = readCsvRows(text, delimiter, row => {
        if (header === undefined) {
            header = readHeader(row, file, settings);
            width = row.cells.length;
            return;
        }
        const problem = raggedRowProblem(row, width, delimiter);
        if (problem) ragged.push(problem);
        // Made even if a later row turns out broken; then they are dropped with their problems.
        if (!header.columns || isEmptyRow(row)) return; // a row of empty fields, as spreadsheets append
        const record = recordOf(row, header.columns, file, recordProblems);
        if (record) records.push(record);
    });
    const reading = header ?? readHeader(emptyRow(), file, settings);
    // After a quoting mistake the rows around it are cut wrongly: their widths would be noise.
    const problems: DirectoryProblem[] = [...csvProblems, ...(csvProblems.length > 0 ? [] : ragged)]
        .map(problem => ({ location: { file, line: problem.line, column: problem.column }, message: problem.message }));
    problems.push(...reading.problems);
    if (problems.length > 0) return { records: [], problems, description: reading.description };
    return { records: finishRecords(records, recordProblems), problems: recordProblems, description: reading.description };
}
