/**
 * The catalogue of problems `check` can report. Codes are permanent: tools and
 * users match on them. Messages say what is wrong; hints say how to fix it.
 */
import type { Severity } from './problem.ts';

interface ProblemCodeEntry {
  severity: Severity;
  title: string;
  hint?: string;
}

export const problemCodes = {
  'catalog-missing': {
    severity: 'error',
    title: 'No catalog settings',
    hint: 'Create catalog.yaml in the catalog folder with title, description, url, publisher, license and contact.',
  },
  'not-utf8': { severity: 'error', title: 'File not in UTF-8', hint: 'Save the file as UTF-8 (any editor offers it under "Save with encoding"); the byte named is where the other encoding starts.' },
  'file-too-large': { severity: 'error', title: 'File too large', hint: 'Keep data out of records: describe files under files: with their URL, and put metric histories in a CSV named by metricHistory.' },
  'outside-catalog': { severity: 'error', title: 'Link out of the catalog', hint: 'Copy the file into the catalog instead of linking to it: whatever a record links to is published.' },
  'yaml-syntax': { severity: 'error', title: 'YAML syntax error', hint: 'Check indentation and quote values that contain ": " or start with special characters.' },
  'yaml-limit': {
    severity: 'error',
    title: 'YAML beyond what a record needs',
    hint: 'Records nest a few levels deep and need no anchors (&) or aliases (*); a file like this is generated or hostile: write the values out.',
  },
  'reserved-key': { severity: 'error', title: 'Reserved key', hint: 'Rename the key: __proto__, constructor and prototype cannot name a field, parameter or metric.' },
  'front-matter-missing': {
    severity: 'error',
    title: 'Front matter missing',
    hint: 'Start the file with a line "---", the YAML fields, and another "---" before the Markdown body.',
  },
  'empty-file': { severity: 'error', title: 'Empty record', hint: 'Fill in the record, or run `npm run new -- <type> <id>` for a commented skeleton.' },
  'invalid-id': {
    severity: 'error',
    title: 'Invalid record id',
    hint: 'Rename the file: ids are lowercase letters, digits and single hyphens, e.g. resnet-18-finetune.md.',
  },
  'unexpected-file': { severity: 'error', title: 'File that is not a record' },
  'duplicate-id': { severity: 'error', title: 'Duplicate id', hint: 'Ids are unique across the whole catalog, whatever the type: rename one of the files.' },
  'unknown-key': { severity: 'error', title: 'Unknown field' },
  'missing-field': { severity: 'error', title: 'Required field missing' },
  'invalid-type': { severity: 'error', title: 'Wrong type' },
  'invalid-value': { severity: 'error', title: 'Invalid value' },
  'dangling-reference': { severity: 'error', title: 'Reference to a missing record', hint: 'Use the id of an existing record (its file name without extension), or a DOI or URL for something outside the catalog.' },
  'wrong-reference-type': { severity: 'error', title: 'Reference to a record of the wrong type' },
  cycle: { severity: 'error', title: 'Cycle in a chain of relations', hint: 'A record cannot derive from, fine-tune from or be a parent of itself, directly or through others.' },
  'relation-conflict': { severity: 'error', title: 'Both sides of a relation disagree', hint: 'State the relation once (a run\'s outputs) or make both sides name each other.' },
  'catalog-file-missing': { severity: 'error', title: 'File kept in the catalog missing', hint: "A file's path is relative to the record's folder, e.g. iris/iris.csv beside iris.md." },
  'catalog-file-mismatch': { severity: 'error', title: 'File kept in the catalog differs from its entry', hint: 'Set size and checksums to those of the file (the message gives them), or restore the file.' },
  'metric-history-missing': { severity: 'error', title: 'Metric history file missing', hint: 'metricHistory is a path relative to the run file, e.g. baseline.metrics.csv beside baseline.md.' },
  'metric-history-invalid': { severity: 'error', title: 'Metric history does not parse', hint: 'The CSV needs a header "step,<metric>,…", integer steps and numeric values (empty, nan or NaN for missing).' },
  'bibliography-invalid': { severity: 'error', title: 'Bibliography does not parse' },
  'citation-unknown': { severity: 'error', title: 'Citation key not in references.bib', hint: 'Add the entry to references.bib or correct the key after "@".' },
  'publication-unknown': {
    severity: 'error',
    title: 'Publication key not in references.bib',
    hint: 'Add the entry to references.bib (with its doi field), correct the key, or name the paper by "doi" instead of "ref".',
  },
  'html-removed': {
    severity: 'warning',
    title: 'HTML the page will not carry',
    hint: "Bodies keep Markdown and GitHub's safe HTML: no scripts, frames, forms, style or on… attributes, and links only to http(s), mailto or relative URLs. Write it in Markdown, or link to the page that shows it.",
  },
  'recommended-missing': { severity: 'warning', title: 'Recommended metadata missing' },
  'control-character': { severity: 'warning', title: 'Control characters removed', hint: 'Delete the invisible character (often pasted from a PDF or a terminal) from the file.' },
} as const satisfies Record<string, ProblemCodeEntry>;

export type ProblemCode = keyof typeof problemCodes;
