/**
 * An instrument in DataCite words, as DataCite's PIDINST mapping (schema
 * documentation 4.5, "PIDINST Schema Mapping") and its instrument example
 * state it: the manufacturers are the creators (common/record-facts.ts), the
 * owners contributors of type HostingInstitution (agents.ts), the commissioning dates
 * dates of type Other named in dateInformation (the 4.7 XSD has no
 * Commissioned type), model, instrument types and measured variables one
 * TechnicalInfo description, the model's identifier IsDescribedBy, serial
 * and inventory numbers alternate identifiers.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import type { PublishedRecord } from '../common/record-facts.ts';
import type { AlternateIdentifier, DateEntry } from './types.ts';

type Instrument = CatalogRecord<'instrument'>;

const isInstrument = (record: PublishedRecord): record is Instrument => record.type === 'instrument';

/** PIDINST's Commissioned and DeCommissioned, spelled as DataCite's mapping spells them in dateInformation. */
export function instrumentDates(record: PublishedRecord): DateEntry[] {
  if (!isInstrument(record)) return [];
  const { commissioned, decommissioned } = record.data;
  return [
    ...(commissioned ? [{ date: commissioned, dateType: 'Other' as const, dateInformation: 'Commissioned' }] : []),
    ...(decommissioned ? [{ date: decommissioned, dateType: 'Other' as const, dateInformation: 'Decommissioned' }] : []),
  ];
}

/** Instrument types classify the instrument: PIDINST's mapping puts them in Subject too. */
export function instrumentSubjects(record: PublishedRecord): string[] {
  return isInstrument(record) ? (record.data.instrumentTypes ?? []) : [];
}

/** "Model Name: … Instrument type: … Measured variables: …", as in DataCite's instrument example. */
export function instrumentTechnicalInfo(record: PublishedRecord): string | undefined {
  if (!isInstrument(record)) return undefined;
  const { model, instrumentTypes, measuredVariables } = record.data;
  const parts = [
    model && `Model Name: ${model.name}${model.identifier ? ` (${model.identifier})` : ''}.`,
    instrumentTypes?.length && `Instrument type: ${instrumentTypes.join(', ')}.`,
    measuredVariables?.length && `Measured variables: ${measuredVariables.join(', ')}.`,
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

export function instrumentAlternateIdentifiers(record: PublishedRecord): AlternateIdentifier[] {
  if (!isInstrument(record)) return [];
  return (record.data.alternateIdentifiers ?? []).map(({ identifier, type }) => ({ alternateIdentifier: identifier, alternateIdentifierType: type }));
}

/** The model's identifier names a description of the model, not this instrument: IsDescribedBy. */
export function modelIdentifier(record: PublishedRecord): string | undefined {
  return isInstrument(record) ? record.data.model?.identifier : undefined;
}
