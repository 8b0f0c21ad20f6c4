export { linkArchive } from './archive.ts';
export { slugify, isSlug } from './slug.ts';
export { pageUrl, relativeHref } from './paths.ts';
