/**
 * The part of Decap CMS's configuration that Heliograph writes
 * (https://decapcms.org/docs/configuration-options/), typed here because
 * decap-cms ships a browser bundle, not types for its configuration file.
 */
export interface EditorField {
  name: string;
  label: string;
  widget: 'string' | 'text' | 'markdown' | 'number' | 'boolean' | 'datetime' | 'select' | 'relation' | 'list' | 'object';
  required?: boolean;
  hint?: string;
  default?: unknown;
  pattern?: [string, string];
  options?: string[];
  value_type?: 'int' | 'float';
  min?: number;
  max?: number;
  format?: string;
  date_format?: string;
  time_format?: string | false;
  picker_utc?: boolean;
  modes?: ('raw' | 'rich_text')[];
  collection?: string;
  search_fields?: string[];
  display_fields?: string[];
  value_field?: string;
  multiple?: boolean;
  collapsed?: boolean;
  summary?: string;
  fields?: EditorField[];
  field?: EditorField;
}

export interface EditorCollection {
  name: string;
  label: string;
  label_singular: string;
  description?: string;
  folder: string;
  extension: string;
  format: string;
  create: boolean;
  slug: string;
  identifier_field: string;
  summary: string;
  sortable_fields: string[];
  editor: { preview: boolean };
  fields: EditorField[];
}

export interface EditorBackend {
  name: 'github' | 'gitlab' | 'forgejo' | 'gitea' | 'proxy';
  repo?: string;
  branch: string;
  api_root?: string;
  base_url?: string;
  auth_endpoint?: string;
  auth_type?: 'pkce';
  app_id?: string;
  open_authoring?: boolean;
  proxy_url?: string;
}

export interface EditorConfig {
  backend: EditorBackend;
  publish_mode?: 'editorial_workflow';
  site_url: string;
  display_url: string;
  media_folder: string;
  public_folder: string;
  omit_empty_optional_fields: boolean;
  collections: EditorCollection[];
}
