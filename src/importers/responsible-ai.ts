/**
 * Responsible-AI facts as sources state them, for the dataset's
 * `responsibleAI` block: Croissant RAI 1.0 properties (rai:, the full RAI
 * IRI, or cr: as Hugging Face's and Kaggle's Croissant exports write some),
 * and the standard sections of a Hugging Face dataset card. Only text is
 * taken; anything else is named in a note, never silently dropped.
 */
import { responsibleAiSchema, type ResponsibleAi } from '../schema/responsible-ai.ts';

type RaiField = keyof ResponsibleAi;

const RAI_IRI = 'http://mlcommons.org/croissant/RAI/';
/** The prefixes a term is found under, in order of preference. */
const RAI_PREFIXES = ['rai:', RAI_IRI, 'cr:', 'http://mlcommons.org/croissant/'];

/** Fields that are RAI terms; prohibitedUses has none (exports fold it into the limitations). */
const RAI_TERMS = (Object.keys(responsibleAiSchema.shape) as RaiField[]).filter((field) => field !== 'prohibitedUses');

/** Text of one value: a string, a {"@value"}, a language map; undefined for anything else. */
export type TextOf = (value: unknown) => string | undefined;

/** The facts a JSON-LD node states under RAI terms; `notes` gets the values that are not text. */
export function raiFromJsonLd(node: Record<string, unknown>, textOf: TextOf, notes: string[]): ResponsibleAi | undefined {
  const facts: ResponsibleAi = {};
  for (const field of RAI_TERMS) {
    const key = RAI_PREFIXES.map((prefix) => `${prefix}${field}`).find((name) => name in node);
    if (!key) continue;
    const values = [node[key]].flat();
    // A reference ({"@id"}) names a node, it states nothing.
    const statements = values.map((value) => (typeof value === 'object' && value !== null && '@id' in value ? undefined : textOf(value))).filter((statement): statement is string => Boolean(statement?.trim()));
    if (statements.length < values.length) notes.push(`${key}: ${values.length - statements.length} value(s) that are not text left out`);
    if (statements.length) facts[field] = statements.length === 1 ? statements[0]! : statements;
  }
  return Object.keys(facts).length ? facts : undefined;
}

/**
 * The sections of Hugging Face's dataset card template that state RAI facts,
 * by heading (any level, case ignored).
 */
const CARD_SECTIONS: [RegExp, RaiField][] = [
  [/^initial data collection and normali[sz]ation$/i, 'dataCollection'],
  [/^data collection(?: and processing)?$/i, 'dataCollection'],
  [/^who are the source (?:language|data) producers\??$/i, 'dataCollectionRawData'],
  [/^annotation process$/i, 'dataAnnotationProtocol'],
  [/^who are the annotators\??$/i, 'annotatorDemographics'],
  [/^personal and sensitive information$/i, 'personalSensitiveInformation'],
  [/^discussion of biases$/i, 'dataBiases'],
  [/^bias, risks,? and limitations$/i, 'dataLimitations'],
  [/^other known limitations$/i, 'dataLimitations'],
  [/^social impact of (?:the )?dataset$/i, 'dataSocialImpact'],
  [/^direct use$/i, 'dataUseCases'],
  [/^out-of-scope use$/i, 'prohibitedUses'],
];

/** The template's placeholder for a section nobody filled in. */
const PLACEHOLDER = /^\[more information needed\]$/i;

/** Facts from a dataset card's body: the text under each template heading that was filled in. */
export function raiFromCardSections(body: string): ResponsibleAi | undefined {
  const facts: ResponsibleAi = {};
  const sections = body.replace(/<!--[\s\S]*?-->/g, '').split(/^(#{1,6}\s+.+)$/m);
  for (let index = 1; index < sections.length; index += 2) {
    const title = sections[index]!.replace(/^#+\s+/, '').replace(/\s*#*\s*$/, '');
    const field = CARD_SECTIONS.find(([pattern]) => pattern.test(title))?.[1];
    const text = sections[index + 1]!.trim();
    if (!field || !text || PLACEHOLDER.test(text) || facts[field]) continue;
    facts[field] = text;
  }
  return Object.keys(facts).length ? facts : undefined;
}
