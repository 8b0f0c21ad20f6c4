import path from 'node:path';
import type { FrontMatter } from '../model.ts';
// slug.ts is a leaf (it imports only the model): reading needs the same ids the linker uses.
import { isSlug, slugify } from '../text/slug.ts';

/** True when `value` can be an article id: a slug, so a single folder name inside the site. */
export function isArticleId(value: string): boolean {
  return isSlug(value);
}

/** The id of an article: its front matter's `id:`, else a slug of its file name (`articles/Police Protest.txt` → `police-protest`). */
export function articleIdOf(file: string, frontMatter: FrontMatter): string {
  return frontMatter.id ?? slugify(path.posix.basename(file).replace(/\.[^.]+$/u, ''));
}
