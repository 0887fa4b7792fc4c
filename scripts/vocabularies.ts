/**
 * Regenerates src/schema/datacite-vocabularies.json from the official DataCite
 * XSD files, so controlled lists are read from the standard, never retyped.
 *   npm run vocabularies
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { create } from 'xmlbuilder2';

const xsdFolder = fileURLToPath(new URL('../test/fixtures/standards/datacite-kernel-4.7/include/', import.meta.url));
const output = fileURLToPath(new URL('../src/schema/datacite-vocabularies.json', import.meta.url));
const names = ['contributorType', 'relationType', 'resourceTypeGeneral', 'dateType', 'descriptionType', 'funderIdentifierType'];
const files: Record<string, string> = { resourceTypeGeneral: 'resourceType' };


export function readEnumeration(xsd: string): string[] {
  const document = create(xsd).node as unknown as Document;
  return Array.from(document.getElementsByTagName('xs:enumeration'), (node) => node.getAttribute('value') ?? '');
}

if (import.meta.main) {
  const vocabularies = Object.fromEntries(
    names.map((name) => [name, readEnumeration(readFileSync(`${xsdFolder}datacite-${files[name] ?? name}-v4.xsd`, 'utf8'))]),
  );
  writeFileSync(output, `${JSON.stringify(vocabularies, null, 2)}\n`);
  console.log(`wrote ${output}`);
}
