/**
 * The admin page's own script, bundled by esbuild into /admin/heliograph-admin.js
 * and loaded after Decap's bundle: it registers the record formats that keep
 * comments and key order (see ../record-file.ts). Decap reads its
 * configuration from config.yml beside the page.
 */
import { formatNames, type RecordFormat } from '../collections.ts';
import { readRecordFile, writeRecordFile } from '../record-file.ts';

interface DecapGlobal {
  registerCustomFormat(
    name: string,
    extension: string,
    formatter: { fromFile(text: string): Record<string, unknown>; toFile(data: Record<string, unknown>, sortedKeys?: string[]): string },
  ): void;
}

const cms = (globalThis as unknown as { CMS: DecapGlobal }).CMS;
const extensions: Record<RecordFormat, string> = { markdown: 'md', yaml: 'yaml' };
for (const format of Object.keys(formatNames) as RecordFormat[]) {
  cms.registerCustomFormat(formatNames[format], extensions[format], {
    fromFile: (text) => readRecordFile(text, format),
    toFile: (data, sortedKeys) => writeRecordFile(data, format, sortedKeys),
  });
}
