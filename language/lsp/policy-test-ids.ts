import type { LangiumDocument } from 'langium';
import type { Model, PolicyTest } from '../generated/ast.js';

/** A test block of a document with the id the editor knows it by. */
export interface IdentifiedTest {
    readonly id: string;
    readonly test: PolicyTest;
}

/**
 * The test blocks of a policy document, each with its editor id: `<uri>#<title>`, and `#<title>#2`,
 * `#3`, … for a title repeated in the file. The id survives edits that move the block, so the
 * Testing view keeps a test's result while its file is edited, and the "Run test" lens and the
 * Testing view name the same test.
 */
export function identifiedTests(document: LangiumDocument): IdentifiedTest[] {
    const seen = new Map<string, number>();
    const uri = document.uri.toString();
    return ((document.parseResult.value as Model).tests ?? []).map(test => {
        const title = test.title ?? '';
        const count = (seen.get(title) ?? 0) + 1;
        seen.set(title, count);
        return { id: `${uri}#${title}${count > 1 ? `#${count}` : ''}`, test };
    });
}
