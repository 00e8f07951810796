/**
 * Directory import: HR and identity-provider exports read into `DirectoryRecord`s, and the
 * generated `.mandate` people files written from them. The drift rules read directories through
 * `readDirectory` (or the two readers) and nothing else.
 */
export type { DirectoryProblem, DirectoryReadResult, DirectoryRecord, SourceLocation } from './directory-record.js';
export type { ColumnMapping, DirectoryFormat, DirectorySettings } from './column-mapping.js';
export { PRESETS, presetNames } from './presets.js';
export { parseCsv, type CsvOptions, type CsvTable } from './csv-parser.js';
export { readCsvDirectory } from './csv-directory.js';
export { readScimDirectory } from './scim-directory.js';
export { readDirectory } from './read-directory.js';
export { columnMappingSchema, parseColumnMapping } from './mapping-config.js';
export { importDirectory, type ImportRequest, type ImportResult } from './import-directory.js';
export { GENERATED_MARK, isGeneratedText, readPeopleFile, type GeneratedPerson } from './people-file.js';
export { planImport, type DeclaredName, type ImportPlan, type PersonChange, type SkippedRecord } from './plan-import.js';
export { hasLeft } from '../directory/directory-match.js';
