import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const SCHEMAS = join(import.meta.dirname, '..', 'fixtures', 'refi-qda');

/**
 * Validates REFI-QDA XML against the standard's v1.0 schema with libxml2 (xmllint-wasm), an
 * implementation independent of ours. Returns the schema errors, empty when the file is valid.
 */
export async function refiSchemaErrors(xml: string, schema: 'Project' | 'Codebook'): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: schema === 'Project' ? 'project.qde' : 'codebook.qdc', contents: xml }],
    schema: [readFileSync(join(SCHEMAS, `${schema}.xsd`), 'utf8')],
    maxMemoryPages: 16 * 1024,
  });
  return result.errors.map((e) => e.rawMessage);
}
