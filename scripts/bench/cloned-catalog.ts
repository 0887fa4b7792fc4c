/**
 * The users' workload: the example catalog cloned until it holds about `size`
 * published records. Every project, dataset, model, run, software, workflow and
 * instrument is copied K times with its id, every reference to a cloned id, its
 * former ids, its DOI and its metric CSV renamed `-k<n>` (copy 0 is the
 * original); people, organizations, catalog.yaml and references.bib are shared,
 * as in a real lab's catalog.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const SHARED_FOLDERS = ['people', 'organizations'];
const CLONED_FOLDERS = ['projects', 'datasets', 'models', 'runs', 'software', 'workflows', 'instruments'];
const SHARED_FILES = ['catalog.yaml', 'references.bib'];

/** Ids of a folder's records (and of their metric CSVs, which share the run's id). */
const recordId = (file: string) => basename(file).replace(/(\.metrics\.csv|\.md|\.ya?ml)$/, '');

export interface ClonedCatalog {
  records: number;
  copies: number;
}

export function writeClonedCatalog(source: string, root: string, size: number): ClonedCatalog {
  for (const file of SHARED_FILES) copyFileSync(join(source, file), join(root, file));
  for (const folder of SHARED_FOLDERS) {
    mkdirSync(join(root, folder), { recursive: true });
    for (const file of readdirSync(join(source, folder))) copyFileSync(join(source, folder, file), join(root, folder, file));
  }
  const entries = CLONED_FOLDERS.flatMap((folder) => readdirSync(join(source, folder), { withFileTypes: true }).map((entry) => ({ folder, entry })));
  const files = entries.filter(({ entry }) => entry.isFile()).map(({ folder, entry }) => ({ folder, file: entry.name, text: readFileSync(join(source, folder, entry.name), 'utf8') }));
  // Folders beside records hold files kept in the catalog (datasets/iris/iris.csv): copied byte for byte, their names renamed.
  const keptFiles = entries
    .filter(({ entry }) => entry.isDirectory())
    .flatMap(({ folder, entry }) => readdirSync(join(source, folder, entry.name)).map((file) => ({ folder, file: `${entry.name}/${file}`, bytes: readFileSync(join(source, folder, entry.name, file)) })));
  const records = files.filter(({ file }) => !file.endsWith('.csv'));
  const formerIds = records.flatMap(({ text }) => [.../formerIds:\s*\[([^\]]*)\]/.exec(text)?.[1]?.split(',') ?? []].map((id) => id.trim()));
  const ids = [...new Set([...records.map(({ file }) => recordId(file)), ...formerIds])].sort((a, b) => b.length - a.length);
  // An id is renamed wherever it stands as a whole token: in references, DOIs, file names.
  const token = new RegExp(`(?<![a-z0-9-])(${ids.join('|')})(?![a-z0-9]|-[a-z0-9])`, 'g');
  const copies = Math.max(1, Math.round(size / records.length));
  for (const folder of CLONED_FOLDERS) mkdirSync(join(root, folder), { recursive: true });
  for (let copy = 0; copy < copies; copy++) {
    const rename = (text: string) => (copy === 0 ? text : text.replace(token, `$1-k${copy}`));
    for (const { folder, file, text } of files) writeFileSync(join(root, folder, rename(file)), rename(text));
    for (const { folder, file, bytes } of keptFiles) {
      mkdirSync(dirname(join(root, folder, rename(file))), { recursive: true });
      writeFileSync(join(root, folder, rename(file)), bytes);
    }
  }
  return { records: copies * records.length, copies };
}
