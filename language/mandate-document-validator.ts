import { DefaultDocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * Langium puts the code of lexing and parsing errors only in `data`. Copying it to `code`
 * gives every diagnostic a rule ID, so editors, the CLI and SARIF can all name it.
 */
export class MandateDocumentValidator extends DefaultDocumentValidator {
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: Parameters<DefaultDocumentValidator['validateDocument']>[2]): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        for (const diagnostic of diagnostics) {
            const dataCode = (diagnostic.data as { code?: unknown } | undefined)?.code;
            if (diagnostic.code === undefined && typeof dataCode === 'string') {
                diagnostic.code = dataCode;
            }
        }
        return diagnostics;
    }
}
