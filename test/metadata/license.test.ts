import { afterAll, describe, expect, it } from 'vitest';
import { licenseOf } from '../../src/metadata/common/record-facts.ts';
import { buildResource } from '../../src/metadata/datacite/resource.ts';
import { schemaOrg } from '../../src/metadata/schema-org/index.ts';
import { signpostingLinks } from '../../src/metadata/signposting/links.ts';
import { loadSite } from '../../src/site/site.ts';
import { scratchCatalog } from '../helpers/catalogs.ts';

const terms = 'https://data.example.org/terms-of-use';
const scratch = scratchCatalog(undefined, {
  'datasets/own-terms.md': `---\ntitle: Own terms\ndescription: A dataset published under its provider's own terms of use, not an SPDX licence.\ncreators: [ada]\nlicenseUrl: ${terms}\n---\n`,
});
afterAll(() => scratch.remove());

describe('a dataset under terms SPDX does not list', () => {
  const site = loadSite(scratch.root);
  const record = site.published.find((candidate) => candidate.id === 'own-terms')!;

  it('states its own terms everywhere, never the catalog default', () => {
    expect(licenseOf(record, site.context)).toEqual({ name: 'Licence terms', url: terms });
    expect(buildResource(record, site.context).rightsList[0]).toEqual({ rights: 'Licence terms', rightsUri: terms });
    expect(schemaOrg.build(record, site.context)).toMatchObject({ license: terms });
    const links = signpostingLinks({ record, context: site.context, exports: [], schemaOrgType: 'Dataset' });
    expect(links.filter((link) => link.rel === 'license')).toEqual([{ rel: 'license', href: terms }]);
  });

  it('keeps the SPDX form for a dataset with a licence id', () => {
    const other = site.published.find((candidate) => candidate.id === 'demo-data')!;
    expect(buildResource(other, site.context).rightsList[0]).toMatchObject({ rightsIdentifier: 'MIT', rightsIdentifierScheme: 'SPDX' });
  });
});
