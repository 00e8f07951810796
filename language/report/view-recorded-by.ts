/** Recorded-by provenance in the view: who first committed each key appointment, or why that is not known. */
import type { Appointment, RecordHistoryState } from './report-model.js';
import type { Block, Inline } from './report-view.js';
import { badge, code, text } from './view-inline.js';

const HISTORY_TEXT: Record<RecordHistoryState['status'], string> = {
    read: 'read from git: each key appointment names the commit that first recorded it',
    'no-git': 'recorded-by unknown: the workspace folder is not in a git repository, or git is not available',
    'not-read': 'recorded-by unknown: the git history was not read (the CLI\'s report command reads it in a git repository)'
};

/** The provenance section's line about the history. */
export function recordHistoryText(state: RecordHistoryState): Inline[] {
    const shallow = state.shallow ? ' (a shallow clone: what its oldest commit holds may have been recorded earlier)' : '';
    return [text(`${HISTORY_TEXT[state.status]}${shallow}`)];
}

/** Q2's note when no appointment can name its commit. */
export function recordHistoryNote(state: RecordHistoryState): Block[] {
    return state.status === 'read' ? [] : [{ kind: 'paragraph', content: [text(`Recorded by: ${HISTORY_TEXT[state.status]}.`)] }];
}

/** ` Recorded by abc1234 (Jane Doe, 2024-03-04; Approved-by: The Board).` after an appointment; nothing without a history. */
export function recordedByText(appointment: Appointment): Inline[] {
    const entry = appointment.recordedBy;
    if (!entry) return [];
    if (entry.status === 'not-committed') return [text(' '), badge('warn', 'not yet committed')];
    if (entry.status === 'shallow-clone') return [text(' Recorded by: unknown (shallow clone).')];
    const trailers = (entry.trailers ?? []).map(trailer => `${trailer.key}: ${trailer.value}`);
    return [
        text(' Recorded by '), code(entry.shortCommit ?? ''),
        text(` (${entry.author}, ${(entry.date ?? '').slice(0, 10)}${trailers.length > 0 ? `; ${trailers.join('; ')}` : ''}).`),
        ...(entry.late ? [text(' '), badge('warn', `recorded ${entry.daysAfterStart} days after its start`)] : [])
    ];
}
