/**
 * DOI registration for a catalog, one command per step of a DOI's life:
 *
 * - plan: which records would get which DOI, with the payloads; sends nothing.
 * - draft: creates draft DOIs (POST /dois) and writes each into its record file.
 * - publish: makes DOIs findable: creates them with event "publish", or
 *   publishes existing drafts with the current metadata.
 * - update: sends the metadata of registered DOIs whose landing URL or
 *   metadata differ from what DataCite has (GET, compare, PUT).
 * - withdraw: for records whose file says `status: {state: withdrawn}`, sends
 *   the tombstone metadata; the DOI keeps resolving to the tombstone page, and
 *   with `hide` a findable DOI becomes registered (no longer listed).
 *
 * A record file changes only after DataCite confirmed; every failure names the
 * record and leaves its file as it was.
 */
import type { Site } from '../site/site.ts';
import { dataciteJson } from '../metadata/datacite/json.ts';
import { doiOf, isWithdrawn, type PublishedRecord } from '../metadata/common/record-facts.ts';
import { publishedTypes, recordTypes } from '../schema/index.ts';
import { DataciteApiError, type DataciteClient, type DoiEvent } from './datacite-api.ts';
import { changedAttributes } from './datacite-compare.ts';
import { writeDoi, WriteBackError } from './write-back.ts';

export const doiCommandNames = ['plan', 'draft', 'publish', 'update', 'withdraw'] as const;
export type DoiCommandName = (typeof doiCommandNames)[number];

export type DoiOutcome = 'planned' | 'drafted' | 'published' | 'updated' | 'withdrawn' | 'unchanged' | 'skipped' | 'failed';

export interface DoiResult {
  id: string;
  type?: PublishedRecord['type'];
  /** Record file as shown to users; absent for an unknown id. */
  file?: string;
  doi?: string;
  outcome: DoiOutcome;
  message: string;
  /** plan: the request that would be sent. */
  request?: { method: 'POST' | 'PUT'; path: string; body: unknown };
}

export interface DoiCommandOptions {
  site: Site;
  /** Record ids; all published records when empty (withdraw needs ids). */
  ids?: string[];
  /** Needed by every command but plan. */
  client?: DataciteClient;
  /** withdraw: also move a findable DOI to registered (out of DataCite's search and public API). */
  hide?: boolean;
  /** Called as each record is done. */
  onResult?: (result: DoiResult) => void;
}

/** Where a record stands: a DOI to propose, one it has, one of another prefix, or none possible. */
type Registration =
  | { kind: 'proposed'; doi: string }
  | { kind: 'in-file'; doi: string }
  | { kind: 'foreign'; doi: string }
  | { kind: 'none' };

/** A DOI under the catalog's prefix, which these commands manage. */
type Ours = Extract<Registration, { kind: 'proposed' | 'in-file' }>;

function registrationOf(record: PublishedRecord, site: Site): Registration {
  const found = doiOf(record, site.context);
  if (!found) return { kind: 'none' };
  if (!found.registered) return { kind: 'proposed', doi: found.doi };
  const prefix = site.settings.doiPrefix?.toLowerCase();
  if (prefix && !found.doi.toLowerCase().startsWith(`${prefix}/`)) return { kind: 'foreign', doi: found.doi };
  return { kind: 'in-file', doi: found.doi };
}

function attributesOf(record: PublishedRecord, site: Site): Record<string, unknown> {
  // Through JSON, so absent optional fields are dropped exactly as on the wire.
  return JSON.parse(dataciteJson.render(dataciteJson.build(record, site.context))).data.attributes;
}

type Outcome = Omit<DoiResult, 'id' | 'type' | 'file'>;
type Step = (record: PublishedRecord, registration: Ours, options: DoiCommandOptions & { client: DataciteClient }) => Promise<Outcome>;

const outcome = (kind: DoiOutcome, doi: string | undefined, message: string): Outcome => ({ doi, outcome: kind, message });

const plan: Step = async (record, { kind, doi }, { site }) => {
  const body = { data: { type: 'dois', attributes: attributesOf(record, site) } };
  if (kind === 'proposed') {
    if (isWithdrawn(record)) return outcome('skipped', doi, 'withdrawn and never registered: it will not get a DOI');
    const request = { method: 'POST' as const, path: '/dois', body };
    return { ...outcome('planned', doi, 'would register it: a draft, or findable with publish'), request };
  }
  const message = isWithdrawn(record)
    ? 'withdrawn: withdraw would send the tombstone metadata'
    : "in the file: update sends this metadata if DataCite's differs";
  return { ...outcome('planned', doi, message), request: { method: 'PUT', path: `/dois/${doi}`, body } };
};

/** Writes a registered DOI into the record file; a failure says what to do by hand. */
function writeBack(record: PublishedRecord, doi: string, state: string): Outcome | undefined {
  try {
    writeDoi(record.path, doi, record.file);
    return undefined;
  } catch (error) {
    const reason = error instanceof WriteBackError ? error.message : String(error);
    const message = `${doi} is registered (${state}) but could not be written back (${reason}); add "doi: ${doi}" to ${record.file} by hand`;
    return outcome('failed', doi, message);
  }
}

/**
 * draft and publish: create what DataCite lacks and write new DOIs back;
 * publish also publishes drafts. A proposed DOI DataCite already has for
 * this landing page (an earlier run that could not write back) is adopted.
 */
function register(event: DoiEvent | undefined): Step {
  const done: DoiOutcome = event ? 'published' : 'drafted';
  return async (record, { kind, doi }, { site, client }) => {
    if (isWithdrawn(record)) return outcome('skipped', doi, 'withdrawn: use the withdraw command');
    const attributes = attributesOf(record, site);
    const wroteBack = kind === 'proposed' ? `; wrote it to ${record.file}` : '';
    const existing = await client.getDoi(doi);
    if (!existing) {
      const created = await client.createDoi(attributes, event);
      const minted = created.doi || doi;
      const failure = kind === 'proposed' ? writeBack(record, minted, created.state) : undefined;
      return failure ?? outcome(done, minted, `${minted} is ${created.state}${wroteBack}`);
    }
    if (kind === 'proposed') {
      if (existing.attributes.url !== attributes.url) {
        return outcome('failed', doi, `${doi} already exists at DataCite for ${String(existing.attributes.url)}; give the record a DOI by hand`);
      }
      const failure = writeBack(record, existing.doi || doi, existing.state);
      if (failure) return failure;
    }
    if (!event || existing.state === 'findable') {
      const hint = event ? '; run update to send metadata changes' : '';
      return outcome(kind === 'proposed' ? done : 'unchanged', doi, `already at DataCite (${existing.state})${wroteBack}${hint}`);
    }
    const published = await client.updateDoi(doi, attributes, event);
    return outcome(done, doi, `${doi} is ${published.state} (was ${existing.state})${wroteBack}`);
  };
}

const update: Step = async (record, { kind, doi }, { site, client }) => {
  if (kind === 'proposed') return outcome('skipped', doi, 'no DOI yet: run draft or publish');
  const existing = await client.getDoi(doi);
  if (!existing) return outcome('failed', doi, `${doi} is not registered at ${client.baseUrl}: run draft or publish first`);
  const attributes = attributesOf(record, site);
  const changed = changedAttributes(attributes, existing.attributes);
  if (changed.length === 0) return outcome('unchanged', doi, 'DataCite has the current URL and metadata');
  await client.updateDoi(doi, attributes);
  return outcome('updated', doi, `sent ${changed.join(', ')}`);
};

const withdraw: Step = async (record, { kind, doi }, { site, client, hide }) => {
  if (!isWithdrawn(record)) {
    return outcome('failed', doi, `not withdrawn in its file: set status: {state: withdrawn, date, reason} in ${record.file} first`);
  }
  if (kind === 'proposed') return outcome('skipped', doi, 'no DOI was registered: nothing to withdraw at DataCite');
  const existing = await client.getDoi(doi);
  if (!existing) return outcome('skipped', doi, `${doi} is not registered at ${client.baseUrl}: nothing to withdraw`);
  const event = hide && existing.state === 'findable' ? 'hide' : undefined;
  const after = await client.updateDoi(doi, attributesOf(record, site), event);
  const hint = existing.state === 'findable' && !hide ? ' (--hide makes it registered)' : '';
  const how =
    existing.state === 'draft' ? 'it stays a draft and will not be published' : `it stays ${after.state} and resolves to the tombstone page${hint}`;
  return outcome('withdrawn', doi, `sent the tombstone metadata; ${how}`);
};

/** Records whose DOI these commands do not manage. */
function notOurs(registration: Registration): Outcome | undefined {
  if (registration.kind === 'foreign') {
    return outcome('skipped', registration.doi, `DOI ${registration.doi} is not under the catalog's doiPrefix; it is managed elsewhere`);
  }
  if (registration.kind === 'none') return outcome('skipped', undefined, 'no DOI, and catalog.yaml has no doiPrefix to propose one');
  return undefined;
}

const steps: Record<DoiCommandName, Step> = { plan, draft: register(undefined), publish: register('publish'), update, withdraw };

function selectRecords(site: Site, ids: string[]): (PublishedRecord | { id: string; missing: string })[] {
  if (ids.length === 0) {
    const order = (record: PublishedRecord) => publishedTypes.indexOf(record.type);
    return [...site.published].sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id));
  }
  return ids.map((id) => {
    const record = site.published.find((candidate) => candidate.id === id);
    if (record) return record;
    const other = site.catalog.records.get(id);
    return { id, missing: other ? `${other.type} records get no DOI` : 'no such record in the catalog' };
  });
}

/** Runs one command over the selected records, one at a time; stops early only when the credentials are refused. */
export async function runDoiCommand(command: DoiCommandName, options: DoiCommandOptions): Promise<DoiResult[]> {
  const ids = options.ids ?? [];
  if (command !== 'plan' && !options.client) throw new Error(`${command} needs a DataCite client`);
  if (command === 'withdraw' && ids.length === 0) throw new Error('withdraw needs the ids of the withdrawn records');
  const results: DoiResult[] = [];
  let refused: string | undefined;
  const client = options.client as DataciteClient;
  for (const record of selectRecords(options.site, ids)) {
    let result: DoiResult;
    if ('missing' in record) result = { id: record.id, outcome: 'failed', message: record.missing };
    else {
      const where = { id: record.id, type: record.type, file: record.file };
      const registration = registrationOf(record, options.site);
      const doi = 'doi' in registration ? registration.doi : undefined;
      const skipped = notOurs(registration);
      if (skipped) result = { ...where, ...skipped };
      else if (refused) result = { ...where, ...outcome('skipped', doi, `not attempted: ${refused}`) };
      else {
        try {
          result = { ...where, ...(await steps[command](record, registration as Ours, { ...options, client })) };
        } catch (error) {
          if (!(error instanceof DataciteApiError)) throw error;
          if (error.status === 401) refused = 'DataCite refused the credentials';
          result = { ...where, ...outcome('failed', doi, error.message) };
        }
      }
    }
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}

const symbols: Record<DoiOutcome, string> = {
  planned: '·',
  drafted: '✓',
  published: '✓',
  updated: '✓',
  withdrawn: '✓',
  unchanged: '=',
  skipped: '-',
  failed: '✗',
};

/** One line per record: what happened to which record, and why. */
export function formatResult(result: DoiResult): string {
  const what = result.type ? `${recordTypes[result.type].label.toLowerCase()} ${result.id}` : result.id;
  return `${symbols[result.outcome]} ${result.outcome} ${what}${result.doi ? ` (${result.doi})` : ''}: ${result.message}`;
}
