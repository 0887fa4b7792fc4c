/**
 * Renders a catalog diff: Markdown for pull-request comments and job
 * summaries, plain text for terminals and job logs, JSON for machines.
 */
import { recordTypes } from '../schema/index.ts';
import { isEmpty, type CatalogDiff, type ChangedRecord, type MetricChange, type RecordSummary, type WithdrawnRecord } from './diff.ts';

export type DiffFormat = 'markdown' | 'text' | 'json';

/** First line of the Markdown report, so a CI job can find and replace its earlier comment. */
export const DIFF_MARKER = '<!-- heliograph-catalog-diff -->';

export function formatNumber(value: number | undefined): string {
  return value === undefined ? '—' : String(Number(value.toPrecision(6)));
}

export function formatDelta(value: number | undefined): string {
  if (value === undefined) return '—';
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

function counts(diff: CatalogDiff): string {
  const parts = [
    `${diff.added.length} added`,
    `${diff.changed.length} changed`,
    `${diff.withdrawn.length} withdrawn`,
    `${diff.removed.length} removed`,
  ];
  return parts.join(', ');
}

/** The base as given, with its commit unless the ref already is one. */
function baseLabel(diff: CatalogDiff, quote: (text: string) => string): string {
  const { ref, commit } = diff.base;
  return commit.startsWith(ref) ? quote(ref) : `${quote(ref)} (${commit.slice(0, 7)})`;
}
const label = (record: RecordSummary) => recordTypes[record.type].label.toLowerCase();

// ---------------------------------------------------------------- markdown

/** Escapes what Markdown or HTML would interpret in a title. */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (character) => `\\${character}`);
}

const code = (text: string) => `\`${text.replaceAll('`', "'")}\``;

function markdownItem(record: RecordSummary, detail?: string): string {
  const title = record.title ? `: ${md(record.title)}` : '';
  return `- ${label(record)} **${code(record.id)}**${title} (${code(record.file)})${detail ? ` — ${detail}` : ''}`;
}

function changedDetail(record: ChangedRecord): string {
  if (record.invalid) return 'does not validate; see the check';
  return record.fields.map(code).join(', ');
}

function withdrawnDetail(record: WithdrawnRecord): string {
  return [record.date && `on ${record.date}`, record.reason && md(record.reason)].filter(Boolean).join(': ');
}

function markdownMetrics(metrics: MetricChange[]): string[] {
  if (metrics.length === 0) return [];
  return [
    '#### Metric differences',
    '',
    '| run | metric | old | new | Δ |',
    '| --- | --- | ---: | ---: | ---: |',
    ...metrics.map((row) => {
      const cells = [code(row.run), md(row.metric), formatNumber(row.old), formatNumber(row.new), formatDelta(row.delta)];
      return `| ${cells.join(' | ')} |`;
    }),
    '',
  ];
}

function markdownSection<T extends RecordSummary>(heading: string, records: T[], detail: (record: T) => string | undefined): string[] {
  if (records.length === 0) return [];
  return [`#### ${heading} (${records.length})`, '', ...records.map((record) => markdownItem(record, detail(record))), ''];
}

export function renderMarkdown(diff: CatalogDiff): string {
  const lines = [DIFF_MARKER, `### Catalog changes against ${baseLabel(diff, code)}`, ''];
  if (diff.errors > 0) {
    lines.push(`> **${diff.errors} error${diff.errors === 1 ? '' : 's'}** in the catalog: see the check for where and how to fix them.`, '');
  }
  if (isEmpty(diff)) {
    lines.push('No catalog records changed.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`**${counts(diff)}**`, '');
  lines.push(
    ...markdownSection('Added', diff.added, () => undefined),
    ...markdownSection('Changed', diff.changed, changedDetail),
    ...markdownSection('Withdrawn', diff.withdrawn, withdrawnDetail),
    ...markdownSection('Removed', diff.removed, () => undefined),
    ...markdownMetrics(diff.metrics),
  );
  if (diff.settings.length) lines.push(`Catalog settings (\`catalog.yaml\`): ${diff.settings.map(code).join(', ')} changed.`, '');
  if (diff.bibliographyChanged) lines.push('The bibliography (`references.bib`) changed.', '');
  return `${lines.join('\n').trimEnd()}\n`;
}

// ---------------------------------------------------------------- text

function textLine(kind: string, record: RecordSummary, detail?: string): string {
  const title = record.title ? ` "${record.title}"` : '';
  return `  ${kind.padEnd(9)} ${label(record)} ${record.id}${title} (${record.file})${detail ? `: ${detail}` : ''}`;
}

export function renderText(diff: CatalogDiff): string {
  const lines = [`Catalog changes against ${baseLabel(diff, (text) => text)}: ${isEmpty(diff) ? 'none' : counts(diff)}`];
  if (diff.errors > 0) lines.push(`  ${diff.errors} error${diff.errors === 1 ? '' : 's'} in the catalog: run npm run check`);
  lines.push(
    ...diff.added.map((record) => textLine('added', record)),
    ...diff.changed.map((record) =>
      textLine('changed', record, record.invalid ? 'does not validate; run npm run check' : record.fields.join(', ')),
    ),
    ...diff.withdrawn.map((record) => textLine('withdrawn', record, [record.date, record.reason].filter(Boolean).join(': '))),
    ...diff.removed.map((record) => textLine('removed', record)),
  );
  if (diff.settings.length) lines.push(`  catalog.yaml: ${diff.settings.join(', ')}`);
  if (diff.bibliographyChanged) lines.push('  references.bib changed');
  if (diff.metrics.length) {
    lines.push('Metric differences (old → new, Δ):');
    for (const row of diff.metrics) {
      lines.push(`  ${row.run} ${row.metric}: ${formatNumber(row.old)} → ${formatNumber(row.new)} (${formatDelta(row.delta)})`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export const diffRenderers: Record<DiffFormat, (diff: CatalogDiff) => string> = {
  markdown: renderMarkdown,
  text: renderText,
  json: (diff) => `${JSON.stringify(diff, null, 2)}\n`,
};
