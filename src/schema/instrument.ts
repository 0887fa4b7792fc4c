import { z } from 'zod';
import { citableFields } from './common/record.ts';
import { paragraph } from './common/form-hints.ts';
import { absoluteUrl, isoDate, recordId } from './common/identifiers.ts';

/**
 * Instruments are manufactured and owned rather than created: as PIDINST maps
 * them to DataCite, the manufacturers are the creators and the owners are
 * contributors (HostingInstitution).
 */
const { creators: _creators, contributors: _contributors, ...instrumentCitableFields } = citableFields;

export const instrumentModelSchema = z.strictObject({
  name: z.string().min(1).meta({ description: 'Model name as the manufacturer gives it.' }),
  identifier: absoluteUrl.optional().meta({ description: 'Persistent identifier of the model.' }),
});

export const alternateIdentifierSchema = z.strictObject({
  identifier: z.string().min(1),
  type: z.string().min(1).meta({ description: 'Kind of identifier, e.g. SerialNumber or InventoryNumber.' }),
});

/** content/instruments/<id>.md: a measuring instrument or facility, with the PIDINST properties. */
export const instrumentSchema = z
  .strictObject({
    ...instrumentCitableFields,
    description: paragraph(z.string().min(1)),
    project: recordId.optional(),
    owners: z.array(recordId).min(1, 'name the owner: the id of an organization or person of this catalog').meta({ description: 'Ids of the organizations or people who own and operate it (PIDINST Owner).' }),
    manufacturers: z
      .array(recordId)
      .min(1, 'name the manufacturer: the id of an organization (or, for a custom build, a person) of this catalog')
      .meta({ description: 'Ids of the organizations that made it, or of the people who built it (PIDINST Manufacturer).' }),
    model: instrumentModelSchema.optional(),
    instrumentTypes: z.array(z.string().min(1)).optional().meta({ description: 'Kinds of instrument, e.g. digital camera or spectrometer.' }),
    measuredVariables: z.array(z.string().min(1)).optional().meta({ description: 'What it measures, e.g. image intensity or petal length.' }),
    commissioned: isoDate.optional().meta({ description: 'Date it went into use.' }),
    decommissioned: isoDate.optional().meta({ description: 'Date it went out of use.' }),
    url: absoluteUrl.optional().meta({ description: "The instrument's page at its facility." }),
    alternateIdentifiers: z.array(alternateIdentifierSchema).optional(),
  })
  .meta({ title: 'Instrument', description: 'A measuring instrument or facility that produced data (PIDINST).' });

export type Instrument = z.infer<typeof instrumentSchema>;
