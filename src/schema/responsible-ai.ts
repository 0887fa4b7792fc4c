/**
 * Responsible-AI facts of a dataset, named as the Croissant RAI 1.0
 * vocabulary names them (http://mlcommons.org/croissant/RAI/), so the
 * exports write each under its own term. All optional: state what is known.
 */
import { z } from 'zod';

/** One statement or several. */
const statements = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const responsibleAiSchema = z
  .strictObject({
    dataCollection: statements.optional().meta({ description: 'How the data was collected (rai:dataCollection).' }),
    dataCollectionType: statements.optional().meta({ description: 'Kind of collection, e.g. web scraping, surveys, manual curation (rai:dataCollectionType).' }),
    dataCollectionRawData: statements.optional().meta({ description: 'Where the raw data came from (rai:dataCollectionRawData).' }),
    dataPreprocessingProtocol: statements.optional().meta({ description: 'Steps that turned the raw data into these files (rai:dataPreprocessingProtocol).' }),
    dataAnnotationProtocol: statements.optional().meta({ description: 'How annotations were made: instructions, tasks, quality checks (rai:dataAnnotationProtocol).' }),
    dataAnnotationPlatform: statements.optional().meta({ description: 'Platform or tool annotators worked in (rai:dataAnnotationPlatform).' }),
    annotatorDemographics: statements.optional().meta({ description: 'Who the annotators were (rai:annotatorDemographics).' }),
    dataBiases: statements.optional().meta({ description: 'Known biases (rai:dataBiases).' }),
    dataLimitations: statements.optional().meta({ description: 'Known limitations and where results do not generalise (rai:dataLimitations).' }),
    personalSensitiveInformation: statements
      .optional()
      .meta({ description: 'Personal or sensitive information the data holds, and how it is protected; say so when there is none (rai:personalSensitiveInformation).' }),
    dataUseCases: statements.optional().meta({ description: 'Intended uses (rai:dataUseCases).' }),
    prohibitedUses: statements
      .optional()
      .meta({ description: 'Uses the data must not be put to; RAI has no term of its own, so the exports state them among the limitations (rai:dataLimitations).' }),
    dataSocialImpact: statements.optional().meta({ description: 'Expected social impact (rai:dataSocialImpact).' }),
    dataReleaseMaintenancePlan: statements.optional().meta({ description: 'Who maintains the data, how often it is updated, when it is deprecated (rai:dataReleaseMaintenancePlan).' }),
  })
  .meta({ description: 'Responsible-AI facts (Croissant RAI 1.0).' });

export type ResponsibleAi = z.infer<typeof responsibleAiSchema>;
