/** Validates XML against the official DataCite 4.7 XSD (vendored), with libxml2 compiled to WebAssembly. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

const KERNEL = 'test/fixtures/standards/datacite-kernel-4.7';

// metadata.xsd includes and imports its parts as include/<name>.xsd.
const schema: XMLFileInfo = { fileName: 'metadata.xsd', contents: readFileSync(join(KERNEL, 'metadata.xsd'), 'utf8') };
const preload: XMLFileInfo[] = readdirSync(join(KERNEL, 'include')).map((name) => ({
  fileName: `include/${name}`,
  contents: readFileSync(join(KERNEL, 'include', name), 'utf8'),
}));

export async function validateDataciteXml(xml: string, fileName = 'datacite.xml'): Promise<{ valid: boolean; errors: string }> {
  const result = await validateXML({ xml: { fileName, contents: xml }, schema, preload });
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage).join('\n') };
}
