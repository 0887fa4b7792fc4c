/**
 * Identifier schemas: each one checks what the identifier's own standard says,
 * check digits included, so a typo is caught before a DOI registry or a
 * harvester sees it.
 */
import { z } from 'zod';
import spdxIds from 'spdx-license-ids/index.json' with { type: 'json' };
import { closest } from '../../diagnostics/suggest.ts';
import { hinted } from './form-hints.ts';

const RECORD_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ORCID = /^(?:https:\/\/orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/;
const ROR = /^(?:https:\/\/ror\.org\/)?(0[0-9a-hjkmnp-tv-z]{6}\d{2})$/;
const DOI = /^10\.\d{4,9}\/\S+$/;
const DOI_URL = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** ISO 7064 MOD 11-2, the check character of an ORCID iD. */
export function orcidCheckCharacter(digits: string): string {
  let total = 0;
  for (const digit of digits) total = (total + Number(digit)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

export function isValidOrcid(value: string): boolean {
  const match = ORCID.exec(value);
  if (!match) return false;
  const digits = match[1]!.replaceAll('-', '');
  return orcidCheckCharacter(digits.slice(0, 15)) === digits[15];
}

/** The canonical URL form of an ORCID iD written either way. */
export function orcidUrl(value: string): string {
  return `https://orcid.org/${ORCID.exec(value)?.[1] ?? value}`;
}

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** ROR ids end in an ISO 7064 MOD 97-10 checksum of the Crockford base-32 number before it. */
export function isValidRor(value: string): boolean {
  const match = ROR.exec(value.toLowerCase());
  if (!match) return false;
  const id = match[1]!;
  let number = 0n;
  for (const char of id.slice(0, 7)) number = number * 32n + BigInt(CROCKFORD.indexOf(char));
  const checksum = 98n - ((number * 100n) % 97n);
  return checksum === BigInt(id.slice(7));
}

export function rorUrl(value: string): string {
  return `https://ror.org/${ROR.exec(value.toLowerCase())?.[1] ?? value}`;
}

export function isDoi(value: string): boolean {
  return DOI.test(value);
}

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}

export function isAbsoluteUrl(value: string): boolean {
  if (!/^https?:\/\//.test(value)) return false;
  return URL.canParse(value);
}

export function isRecordId(value: string): boolean {
  return RECORD_ID.test(value);
}

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const spdxSet = new Set<string>(spdxIds);
const spdxByLowerCase = new Map(spdxIds.map((id) => [id.toLowerCase(), id]));

export const recordId = hinted(
  z
    .string()
    .regex(RECORD_ID, 'must be lowercase letters, digits and single hyphens (for example "fashion-mnist")')
    .meta({ description: 'Id of another record in the catalog (its file name without extension).' }),
  { kind: 'record-id' },
);

export const orcid = z
  .string()
  .regex(ORCID, { message: 'must be an ORCID iD such as 0000-0002-1825-0097 (optionally as https://orcid.org/…)', abort: true })
  .refine(isValidOrcid, 'the ORCID iD check character is wrong: a digit is mistyped')
  .meta({ description: 'ORCID iD, e.g. 0000-0002-1825-0097.', examples: ['0000-0002-1825-0097'] });

export const ror = z
  .string()
  .regex(ROR, { message: 'must be a ROR id: "0", six letters or digits and two check digits, e.g. https://ror.org/05dxps055', abort: true })
  .refine(isValidRor, 'the ROR id checksum does not match: a character is mistyped')
  .meta({ description: 'ROR id of the organization, e.g. https://ror.org/05dxps055.' });

export const doi = z
  .string()
  .refine((value) => !DOI_URL.test(value), { message: 'write the bare DOI (10.1234/abc), without https://doi.org/ or doi:', abort: true })
  .refine(isDoi, 'must be a DOI: "10.", a registrant code of 4–9 digits, "/", and a suffix')
  .meta({ description: 'DOI without resolver prefix, e.g. 10.48550/arXiv.1708.07747.' });

export const doiPrefix = z
  .string()
  .regex(/^10\.\d{4,9}$/, 'must be a DOI prefix such as 10.5072')
  .meta({ description: 'DOI prefix used to propose DOIs for records that have none.' });

export const spdxLicense = z
  .string()
  .refine((value) => spdxSet.has(value), {
    error: (issue) => {
      const input = String(issue.input);
      const exact = spdxByLowerCase.get(input.toLowerCase());
      const guess = exact ?? closest(input, spdxIds);
      return `"${input}" is not an SPDX licence id${guess ? ` (did you mean "${guess}"?)` : ''}; see https://spdx.org/licenses/`;
    },
  })
  // The enum only reaches the JSON Schema, so editors complete licence ids.
  .meta({ description: 'SPDX licence identifier, e.g. MIT, CC-BY-4.0, Apache-2.0.', enum: spdxIds });

export const absoluteUrl = z
  .string()
  .refine(isAbsoluteUrl, 'must be an absolute http(s) URL')
  .meta({ format: 'uri' });

export const isoDate = hinted(
  z
    .string()
    .refine((value) => DATE.test(value) || DATE_TIME.test(value), { message: 'must be an ISO 8601 date (YYYY-MM-DD)', abort: true })
    .refine(isCalendarDate, 'is not a calendar date')
    .meta({ description: 'ISO 8601 date, YYYY-MM-DD.' }),
  { kind: 'date' },
);

export const isoDateTime = hinted(
  z
    .string()
    .refine(
      (value) => DATE_TIME.test(value) || DATE.test(value),
      { message: 'must be an ISO 8601 date-time with time zone, e.g. 2024-03-01T09:30:00Z', abort: true },
    )
    .refine(isCalendarDate, 'is not a calendar date')
    .meta({ description: 'ISO 8601 date-time with time zone, e.g. 2024-03-01T09:30:00Z.' }),
  { kind: 'date-time' },
);

export const sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 digest: 64 lowercase hex characters')
  .meta({ description: 'SHA-256 digest, 64 lowercase hex characters.' });

export const md5 = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'must be an MD5 digest: 32 lowercase hex characters')
  .meta({ description: 'MD5 digest, 32 lowercase hex characters.' });

export const gitCommit = z
  .string()
  .regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/, 'must be a full git commit hash (40 hex characters, or 64 for SHA-256 repositories)')
  .meta({ description: 'Full git commit hash.' });

/**
 * A reference to another record by id, or to something outside the catalog by
 * DOI or URL. Ids never contain "/" or ":", so the forms cannot be confused.
 */
export const reference = z
  .string()
  .refine(
    (value) => isRecordId(value) || isDoi(value) || isAbsoluteUrl(value),
    'must be a record id (e.g. "fashion-mnist"), a DOI (10.…) or an absolute URL',
  )
  .meta({ description: 'Record id in this catalog, or an external DOI or URL.' });

export type Reference = z.infer<typeof reference>;
