/**
 * A dataset's responsible-AI facts as Croissant RAI 1.0 properties. The
 * record's fields carry the RAI names, except prohibited uses, for which RAI
 * has no term: they join the limitations, each marked as a use not to make.
 * The dataset's known problems (its failures) join the limitations too: RAI
 * has no term for errata, and a known problem is a limit of what the data
 * can be trusted for.
 */
import type { ResponsibleAi } from '../../schema/responsible-ai.ts';

export const CROISSANT_RAI_1_0 = 'http://mlcommons.org/croissant/RAI/1.0';

type RaiProperties = Record<`rai:${string}`, string | string[]>;

const asList = (value: string | string[] | undefined): string[] => [value ?? []].flat();

export function raiProperties(facts: ResponsibleAi | undefined, knownProblems: readonly string[] = []): RaiProperties {
  const { prohibitedUses, dataLimitations, ...named } = facts ?? {};
  const limitations = [...asList(dataLimitations), ...asList(prohibitedUses).map((use) => `Not to be used for: ${use}`), ...knownProblems];
  const properties: RaiProperties = {};
  for (const [term, value] of Object.entries(named)) if (value !== undefined) properties[`rai:${term}`] = value;
  if (limitations.length) properties['rai:dataLimitations'] = limitations.length === 1 ? limitations[0]! : limitations;
  return properties;
}
