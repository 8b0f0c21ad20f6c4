import nlp from 'compromise';
import type { TaggedSpan } from '../model.ts';

/** What extraction needs of an entity tagger. */
export interface NameTagger {
  tagText(text: string): TaggedSpan[];
}

/** Stop-gap tagger on compromise, until the trained model lands. */
export function compromiseTagger(): NameTagger {
  return {
    tagText(text) {
      const doc = nlp(text);
      const out: TaggedSpan[] = [];
      const add = (view: { json(o: object): unknown }, type: TaggedSpan['type']): void => {
        for (const m of view.json({ offset: true }) as { offset: { start: number; length: number } }[]) {
          let start = m.offset.start;
          let end = start + m.offset.length;
          while (end > start && /[\s.,;:!?”"’)–-]/u.test(text[end - 1] ?? '')) end--;
          while (start < end && /[\s“"‘(]/u.test(text[start] ?? '')) start++;
          if (end > start) out.push({ start, end, type, text: text.slice(start, end) });
        }
      };
      add(doc.people(), 'PER');
      add(doc.organizations(), 'ORG');
      add(doc.places(), 'LOC');
      return out.sort((a, b) => a.start - b.start);
    },
  };
}
