/**
 * The parts of citation-js 0.7 that Heliograph calls. citation-js ships no
 * types; these declarations follow its source (lib/Cite, plugin-bibtex
 * lib/output, plugin-csl lib/bibliography.js) and cover nothing more.
 */
declare module '@citation-js/core' {
  export interface CslNameData {
    family?: string;
    given?: string;
    literal?: string;
  }

  /** A CSL-JSON item as citation-js holds it after parsing any input. */
  export interface CslData {
    id: string;
    type: string;
    'citation-key'?: string;
    title?: string;
    genre?: string;
    author?: CslNameData[];
    issued?: { 'date-parts'?: (number | string)[][] };
    publisher?: string;
    DOI?: string;
    URL?: string;
    note?: string;
    [variable: string]: unknown;
  }

  /** A BibTeX entry as plugin-bibtex builds it before writing text: values already escaped. */
  export interface BibtexEntry {
    type: string;
    label: string;
    properties: Record<string, string>;
  }

  export interface BibliographyOptions {
    /** A registered CSL style; unknown names silently fall back to APA. */
    template?: string;
    /** A registered CSL locale, e.g. en-US. */
    lang?: string;
    format?: 'text' | 'html' | 'rtf' | 'asciidoc' | 'fo';
    nosort?: boolean;
    /** Wrap URLs and DOIs in <a href>; citeproc does not escape quotes in the href. */
    hyperlinks?: boolean;
  }

  export class Cite {
    /** Parses any supported input (CSL-JSON items, BibTeX text, …) synchronously. */
    constructor(data?: unknown);
    data: CslData[];
    format(format: 'bibtex' | 'biblatex', options: { format: 'object' }): BibtexEntry[];
    format(format: 'bibtex' | 'biblatex', options?: { format?: 'text' }): string;
    format(format: 'bibliography', options: BibliographyOptions & { asEntryArray: true }): [id: string, entry: string][];
    format(format: 'bibliography', options?: BibliographyOptions): string;
  }

  export interface Register<T> {
    has(name: string): boolean;
    get(name: string): T;
    add(name: string, value: T): void;
    list(): string[];
  }

  export interface CslPluginConfig {
    /** CSL styles by name, as XML text. */
    templates: Register<string>;
    locales: Register<string>;
  }

  export interface BibtexPluginConfig {
    format: {
      /** Escape every non-ASCII character as a LaTeX command, dropping those without one. */
      asciiOnly: boolean;
      useIdAsLabel: boolean;
      checkLabel: boolean;
    };
  }

  export const plugins: {
    config: {
      get(plugin: '@csl'): CslPluginConfig;
      get(plugin: '@bibtex'): BibtexPluginConfig;
    };
  };
}

/** Registers BibTeX and BibLaTeX input and output with @citation-js/core. */
declare module '@citation-js/plugin-bibtex' {}

/** Registers citeproc-js formatting ("bibliography", "citation") with @citation-js/core. */
declare module '@citation-js/plugin-csl' {}
