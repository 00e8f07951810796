/** How a source is read: its format, and for CSV which column holds which field. */

export type DirectoryFormat = 'csv' | 'scim';

/** The fields a CSV column can fill. `name` wins over `givenName` + `familyName` when both are present. */
export const MAPPED_FIELDS = [
    'employeeNumber', 'name', 'givenName', 'familyName', 'email', 'title', 'department', 'manager', 'start', 'end', 'status'
] as const;
export type MappedField = typeof MAPPED_FIELDS[number];

/** Order of day, month and year in dates that are not ISO (`03/04/2024`); ISO dates are always read. */
export type DateOrder = 'dmy' | 'mdy';

export interface ColumnMapping {
    /** Per field, the header names that may hold it (compared without case); the first present wins. */
    readonly columns: Readonly<Partial<Record<MappedField, readonly string[]>>>;
    /** Values of the `status` column that mean the person is employed (compared without case). */
    readonly activeValues?: readonly string[];
    readonly dateOrder?: DateOrder;
}

/** Settings for reading a directory source: from command-line flags or `directory` in mandate.config.json. */
export interface DirectorySettings {
    /** Default: `scim` for a `.json` file, `csv` otherwise. */
    readonly format?: DirectoryFormat;
    /** A preset name from `PRESETS`, e.g. `bamboohr`. */
    readonly preset?: string;
    /** A custom mapping; its columns override the preset's field by field. */
    readonly mapping?: ColumnMapping;
    /** CSV only; detected from the header line when not given. */
    readonly delimiter?: ',' | ';' | '\t';
}

/** Status values that mean employed when a mapping gives none. */
export const DEFAULT_ACTIVE_VALUES = ['active', 'true', 'yes', 'enabled', '1', 'employed'];

/** A preset with a custom mapping laid over it, field by field. */
export function combineMappings(base: ColumnMapping | undefined, custom: ColumnMapping | undefined): ColumnMapping {
    return {
        columns: { ...base?.columns, ...custom?.columns },
        activeValues: custom?.activeValues ?? base?.activeValues,
        dateOrder: custom?.dateOrder ?? base?.dateOrder
    };
}
