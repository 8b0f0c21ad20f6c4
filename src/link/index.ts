export { linkArchive } from './archive.ts';
export { slugify, isSlug } from '../text/slug.ts';
export { pageUrl, relativeHref } from './paths.ts';
