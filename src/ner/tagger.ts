/** The public tagger: load the committed model once, tag raw text or pre-tokenised documents. */
import type { EntityType, TaggedSpan } from '../model.ts';
import { loadModelFile } from './model-io.ts';
import { DEFAULT_MODEL_PATH } from './paths.ts';
import type { NerModel } from './pipeline.ts';
import { splitSentences } from './sentences.ts';
import { tagsToSpans } from './spans.ts';
import { tokenize } from './tokenize.ts';

export interface Tagger {
  /** Tag raw text (a whole article or paragraph); spans carry character offsets into `text`. Sentences are split internally. */
  tagText(text: string): TaggedSpan[];
  /** Tag pre-tokenized documents: docs → sentences → tokens; returns IOB2 tags (B-PER, I-ORG, O, ...) aligned to tokens. */
  tagDocuments(docs: string[][][]): string[][][];
}

let cached: Tagger | null = null;
let defaultModel: NerModel | null = null;

/** Load a tagger; without a path, the committed model, loaded once and cached. */
export function loadTagger(modelPath?: string): Tagger {
  if (modelPath === undefined) return (cached ??= taggerFor(loadDefaultModel()));
  return taggerFor(loadModelFile(modelPath));
}

/** The committed model, loaded once (its weights in shared memory: see `modelParts`). */
export function loadDefaultModel(): NerModel {
  return (defaultModel ??= loadModelFile(DEFAULT_MODEL_PATH));
}

/** Wrap a model as a `Tagger`. */
export function taggerFor(model: NerModel): Tagger {
  return {
    tagDocuments: (docs) => docs.map((doc) => (doc.length === 0 ? [] : model.tagDocument(doc))),
    tagText(text) {
      const tokens = tokenize(text);
      const sentences = splitSentences(text, tokens);
      if (sentences.length === 0) return [];
      const tags = model.tagDocument(sentences.map((s) => s.map((t) => t.text)));
      const out: TaggedSpan[] = [];
      sentences.forEach((s, i) => {
        for (const span of tagsToSpans(tags[i]!)) {
          const start = s[span.start]!.start;
          const end = s[span.end - 1]!.end;
          out.push({ start, end, type: span.type as EntityType, text: text.slice(start, end) });
        }
      });
      return out;
    },
  };
}
