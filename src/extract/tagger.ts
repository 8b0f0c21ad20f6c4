import type { TaggedSpan } from '../model.ts';

/** What extraction needs of an entity tagger: spans with character offsets into the text given. */
export interface NameTagger {
  tagText(text: string): TaggedSpan[];
}
