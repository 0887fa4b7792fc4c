/**
 * The one place citation-js is loaded: its formats are plugins that register
 * themselves on import, so everything that formats goes through this module.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';

export { Cite, plugins };
