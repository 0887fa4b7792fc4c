import { publishedTypes, recordTypes } from '../schema/index.ts';
import { listingPath } from '../catalog/urls.ts';

export const navigation = [
  ...publishedTypes.map((type) => ({ label: recordTypes[type].plural, path: listingPath(type) })),
  { label: recordTypes.person.plural, path: listingPath('person') },
];
