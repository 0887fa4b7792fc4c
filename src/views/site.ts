import { resolve } from 'node:path';
import { catalogFolder } from '../cli/catalog-folder.ts';
import { planFromEnvironment, type BuildPlan } from '../pipeline/plan.ts';
import { getSite, type Site } from '../site/site.ts';

/** The site being built: the catalog folder the build was started with. */
export function site(): Site {
  return getSite(resolve(catalogFolder()));
}

// Pages and the integration are separate module instances in one process: one plan per site object.
const PLANS = Symbol.for('heliograph.plans');
const holder = globalThis as typeof globalThis & { [PLANS]?: WeakMap<Site, BuildPlan> };

/** The records this build makes pages for (all of them in the dev server). */
export function plan(): BuildPlan {
  const current = site();
  const known = (holder[PLANS] ??= new WeakMap());
  let planned = known.get(current);
  if (!planned) known.set(current, (planned = planFromEnvironment(current)));
  return planned;
}
