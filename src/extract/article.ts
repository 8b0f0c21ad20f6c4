import type { ArticleRecord, Block, DroppedLine, Problem, Source, SourceBlock } from '../model.ts';
import { slugify, isSlug } from '../text/slug.ts';
import { splitSentences } from '../text/sentences.ts';
import { bareText, extractHeadline, findByline } from './headline.ts';
import { articleIdOf } from '../read/id.ts';
import { dropResidue } from './residue.ts';
import { extractEntities } from './entities.ts';
import { extractRoles } from './roles.ts';
import { extractQuotes } from './quotes.ts';
import { extractDemands } from './demands.ts';
import { extractEvents, findDateline, findInlineDateline, inferPublished, parsePartialDate } from './dates.ts';
import { mainOrganization } from './mentions.ts';
import { withFrontMatter, type Lexicon } from './lexicon.ts';
import type { NameTagger } from './tagger.ts';

export interface ExtractOptions {
  readonly tagger: NameTagger;
  readonly lexicon: Lexicon;
}

/**
 * Extract the record of one article: headline, date, blocks, entities, roles, demands, quotes, events.
 *
 * Never throws on bad content: problems are on the record.
 */
export function extractArticle(source: Source, options: Readonly<ExtractOptions>): ArticleRecord {
  const fm = source.frontMatter;
  const problems: Problem[] = [...source.problems];
  const head = extractHeadline(source.file, fm, source.blocks);
  // A file that could not be read has no headline either: one error is enough.
  const unreadable = problems.some((p) => p.severity === 'error');
  const wordless = source.blocks.length > 0 && bareText(head.headline) === '';
  if (!unreadable && !wordless) problems.push(...head.problems);
  if (!unreadable && wordless) problems.push({ file: source.file, line: source.blocks[0]!.line, message: `has no headline that can be found: ${fm.headline ? '`headline:`' : 'its first line'} \`${head.headline}\` has no words; add \`headline:\` to the front matter`, severity: 'error' });
  const body = head.firstBlockIsHeadline ? source.blocks.slice(1) : source.blocks;
  const residue = dropResidue(body, head.headline);
  const { dropped } = residue;
  let { kept } = residue;
  if (head.firstBlockIsHeadline && source.blocks[0]) dropped.unshift({ line: source.blocks[0].line, text: source.blocks[0].text, reason: 'the headline: shown as the page title' });
  // Lines that only say who wrote the article (`By Jane Roe`) or when (`Published on 12 March 2025`)
  // are what the page shows under its headline, not subheadings.
  const byline = kept.length > 1 ? findByline(kept) : null;
  if (byline) kept = setAside(kept, byline.index, dropped, 'the byline: shown under the headline');
  const dateline = kept.length > 1 ? findDateline(kept) : null;
  if (dateline) kept = setAside(kept, dateline.index, dropped, 'the date line: shown as the page date');
  const blocks: Block[] = kept.map((b, i) => ({ ...b, n: i + 1 }));
  if (blocks.length === 0 && !problems.some((p) => p.severity === 'error')) problems.push({ file: source.file, ...(source.blocks[0] ? { line: source.blocks[0].line } : {}), message: 'has a headline but no article text under it: write the article below the headline line', severity: 'error' });

  // Reading checked a front-matter `id:` (with its line); this guards ids made any other way.
  const id = articleIdOf(source.file, fm);
  if (!isSlug(id) && !unreadable) problems.push({ file: source.file, message: `id \`${id}\` must be lower-case letters, digits and hyphens (it becomes a folder name): set \`id:\` in the front matter`, severity: 'error' });

  const lexicon = withFrontMatter(options.lexicon, fm);
  const entities = extractEntities(blocks, options.tagger, lexicon);
  const mainOrg = mainOrganization(entities);
  const roles = extractRoles(blocks, entities, mainOrg);
  const quotes = extractQuotes(blocks, entities);
  const demands = extractDemands(blocks, entities, roles, quotes, mainOrg);
  const given = fm.date ? parsePartialDate(fm.date) : dateline?.date ?? findInlineDateline(blocks);
  const firstPass = extractEvents(blocks, given);
  const date = given ?? inferPublished(firstPass);
  const events = given || !date ? firstPass : extractEvents(blocks, date);
  if (!given && blocks.length > 0) problems.push({ file: source.file, message: date ? `has no \`date:\`; ${date.iso} was inferred from the text: add \`date:\` to the front matter to confirm it` : 'has no `date:` and none can be inferred: add `date: YYYY-MM-DD` (or YYYY-MM, YYYY) to the front matter', severity: 'warning' });

  const firstParagraph = blocks.find((b) => b.kind === 'paragraph') ?? blocks[0];
  const summary = fm.summary ?? shortSummary(firstParagraph ? splitSentences(firstParagraph.text)[0]?.text ?? '' : '');
  return { file: source.file, id: isSlug(id) ? id : slugify(id), headline: head.headline, date, summary, author: fm.author ?? byline?.author ?? null, frontMatter: fm, blocks, entities, roles, demands, quotes, events, dropped, problems };
}

function shortSummary(sentence: string): string {
  const words = sentence.split(/\s+/u);
  return words.length > 40 ? `${words.slice(0, 36).join(' ')}…` : sentence;
}

/** The blocks without the one at `index`, which goes to `dropped` (kept in line order) with its reason. */
function setAside(blocks: readonly SourceBlock[], index: number, dropped: DroppedLine[], reason: string): SourceBlock[] {
  const line = blocks[index]!;
  dropped.push({ line: line.line, text: line.text, reason });
  dropped.sort((a, b) => a.line - b.line);
  return blocks.filter((_, i) => i !== index);
}
