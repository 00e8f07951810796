import type { DirectorySettings } from './column-mapping.js';
import { readCsvDirectory } from './csv-directory.js';
import type { DirectoryReadResult } from './directory-record.js';
import { readScimDirectory } from './scim-directory.js';

/** Reads a directory source of either format: SCIM for `format: 'scim'` or a `.json` file, CSV otherwise. */
export function readDirectory(text: string, file: string, settings: DirectorySettings = {}): DirectoryReadResult {
    const format = settings.format ?? (file.toLowerCase().endsWith('.json') ? 'scim' : 'csv');
    return format === 'scim' ? readScimDirectory(text, file) : readCsvDirectory(text, file, settings);
}
