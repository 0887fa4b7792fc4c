/**
 * What an import needs to know about the catalog it writes into: which ids
 * are taken, which records came from which source, and which people and
 * organizations exist by name. Read from the files directly, so that a record
 * that does not validate (a person is halfway through an edit) is still
 * recognised as imported and never duplicated.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { recordTypeNames, recordTypes, type RecordType } from '../schema/index.ts';
import { PROVENANCE_FIELD } from './provenance.ts';
import { recordData, splitRecordFile } from './record-text.ts';
import type { ImportTool } from './types.ts';

const FORMER_IDS = 'formerIds';

export interface ExistingRecord {
  type: RecordType;
  id: string;
  path: string;
  kind: 'markdown' | 'yaml';
  /** importedFrom.source: the hash of the source files the record was last imported from. */
  source?: string;
}

export interface CatalogIndex {
  root: string;
  /** Ids in use, former ids of renamed records included. */
  ids: Set<string>;
  /** Imported records by "<tool> <source id>". */
  byOrigin: Map<string, ExistingRecord>;
  /** People and organizations by their exact name. */
  agentsByName: Map<string, ExistingRecord>;
}

export function originKey(tool: ImportTool, id: string): string {
  return `${tool} ${id}`;
}

function dataOf(text: string, kind: ExistingRecord['kind']): Record<string, unknown> | undefined {
  const parts = splitRecordFile(text, kind);
  return parts && recordData(parts.yaml);
}

export function indexCatalog(root: string): CatalogIndex {
  const index: CatalogIndex = { root, ids: new Set(), byOrigin: new Map(), agentsByName: new Map() };
  for (const type of recordTypeNames) {
    const { folder, extensions } = recordTypes[type];
    const directory = join(root, folder);
    if (!existsSync(directory)) continue;
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const extension = extname(entry.name);
      if (!entry.isFile() || !(extensions as readonly string[]).includes(extension)) continue;
      const record: ExistingRecord = {
        type,
        id: entry.name.slice(0, -extension.length),
        path: join(directory, entry.name),
        kind: extension === '.md' ? 'markdown' : 'yaml',
      };
      index.ids.add(record.id);
      const isAgent = type === 'person' || type === 'organization';
      const text = readFileSync(record.path, 'utf8');
      // Parsing every record costs time on large catalogs; only agents, imported and renamed records need it.
      if (!isAgent && !text.includes(PROVENANCE_FIELD) && !text.includes(FORMER_IDS)) continue;
      const data = dataOf(text, record.kind);
      // A renamed record's old ids still redirect to it, so no new record may take them.
      const formerIds = data?.[FORMER_IDS];
      if (Array.isArray(formerIds)) for (const id of formerIds) if (typeof id === 'string') index.ids.add(id);
      if (isAgent && typeof data?.['name'] === 'string' && !index.agentsByName.has(data['name'])) index.agentsByName.set(data['name'], record);
      const origin = data?.[PROVENANCE_FIELD] as { tool?: unknown; id?: unknown; source?: unknown } | undefined;
      if (typeof origin?.tool === 'string' && typeof origin.id === 'string') {
        if (typeof origin.source === 'string') record.source = origin.source;
        index.byOrigin.set(originKey(origin.tool as ImportTool, origin.id), record);
      }
    }
  }
  return index;
}
