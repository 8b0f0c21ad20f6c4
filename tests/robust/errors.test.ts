/**
 * Clear errors: each bad input a maintainer can paste names its file and line, says what is
 * wrong and how to fix it, and is an error (stops the build) or a warning (listed at the end).
 */
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord, Problem } from '../../src/model.ts';
import { readSource } from '../../src/read/index.ts';
import { MAX_ARTICLE_BYTES } from '../../src/read/sources.ts';
import { parseCuration } from '../../src/read/curation.ts';
import { buildLexicon, extractArticle } from '../../src/extract/index.ts';
import { buildArchive } from '../../src/build.ts';
import { slugify, uniqueSlugs } from '../../src/text/slug.ts';
import { dictionaryTagger } from '../helpers/extract.ts';
import { goodArticle, removeDir, tempDir, writeFiles } from './helpers.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const errorsOf = (problems: readonly Problem[]): Problem[] => problems.filter((p) => p.severity === 'error');
const warningsOf = (problems: readonly Problem[]): Problem[] => problems.filter((p) => p.severity === 'warning');

/** Read and extract one file with a tagger that tags nothing: these tests are about reading. */
function extractFile(file: string, bytes: Uint8Array): ArticleRecord {
  return extractArticle(readSource(file, bytes), { tagger: dictionaryTagger({}), lexicon: buildLexicon({ entities: [], ignore: [] }) });
}

/** One bad input and the one error it must give. */
interface ErrorCase {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly line: number | undefined;
  /** What the message must say: what is wrong, and how to fix it. */
  readonly message: RegExp;
}

const errorCases: ErrorCase[] = [
  { name: 'an empty file', bytes: utf8(''), line: 1, message: /is empty: write the article text in it, or delete the file/ },
  { name: 'a file of blank lines', bytes: utf8('\n  \n\t\n'), line: 1, message: /is empty/ },
  { name: 'front matter and no body', bytes: utf8('---\nheadline: Only a headline\n---\n\n  \n'), line: 3, message: /has front matter but no text: write the article below the closing `---`/ },
  { name: 'front matter that is never closed', bytes: utf8('---\nheadline: Forgot the fence\nThe article text.\n'), line: 1, message: /never closed: add a line with only `---`/ },
  { name: 'a headline line with no words', bytes: utf8('* * *\n\nThe text under it.\n'), line: 1, message: /no headline that can be found: its first line `\* \* \*` has no words; add `headline:`/ },
  { name: 'a `headline:` with no words', bytes: utf8('---\nheadline: "!!!"\n---\nThe text.\n'), line: 4, message: /no headline that can be found: `headline:` `!!!` has no words/ },
  { name: 'a headline and no text under it', bytes: utf8('---\nheadline: Alone\n---\nAlone\n'), line: 4, message: /has a headline but no article text under it/ },
  { name: 'invalid YAML front matter', bytes: utf8('---\nheadline: Police: a story: told\n---\nText.\n'), line: 2, message: /front matter is not valid YAML \(.+\): fix the `key: value` lines/ },
  { name: 'a duplicated front-matter key', bytes: utf8('---\nheadline: One\nheadline: Two\n---\nText.\n'), line: 3, message: /not valid YAML \(duplicated mapping key\)/ },
  { name: 'front matter that is a list', bytes: utf8('---\n- a\n- b\n---\nText.\n'), line: 2, message: /must be `key: value` lines \(a YAML mapping\), not a list/ },
  { name: 'a date that is not a date', bytes: utf8('---\ndate: last Tuesday\n---\nHeadline\n\nText.\n'), line: 2, message: /`date` must be YYYY, YYYY-MM or YYYY-MM-DD naming a real date, not `"last Tuesday"`: write e\.g\. `date: 2021-05-19`/ },
  { name: 'a date that does not exist', bytes: utf8('---\ndate: 2021-02-30\n---\nHeadline\n\nText.\n'), line: 2, message: /naming a real date, not `"2021-02-30"`/ },
  { name: '`people: 3`', bytes: utf8('---\nheadline: H\npeople: 3\n---\nText.\n'), line: 3, message: /`people` must be a list of names, not `3`: write e\.g\. `people: \[/ },
  { name: 'a headline that is a list', bytes: utf8('---\nheadline: [a, b]\n---\nText.\n'), line: 2, message: /`headline` must be a non-empty text, not a list/ },
  { name: 'a `javascript:` sourceUrl', bytes: utf8('---\nsourceUrl: "javascript:alert(1)"\n---\nHeadline\n\nText.\n'), line: 2, message: /`sourceUrl` must be a web address starting with http:\/\/ or https:\/\// },
  { name: 'a `---js` block', bytes: utf8('---js\n{ headline: "x" }\n---\nText.\n'), line: 1, message: /front matter in `js` is refused, and never run: only YAML is read/ },
  { name: 'a `---javascript` block', bytes: utf8('---javascript\n{ headline: "x" }\n---\nText.\n'), line: 1, message: /front matter in `javascript` is refused, and never run/ },
  { name: 'a `--- coffee` block', bytes: utf8('--- coffee\nheadline: "x"\n---\nText.\n'), line: 1, message: /front matter in `coffee` is refused/ },
  { name: 'bytes that are not UTF-8 (Latin-1)', bytes: Uint8Array.from([...utf8('Headline\n\nLe pr'), 0xe9, ...utf8('fet a dit.\n')]), line: 3, message: /is not valid UTF-8: save it as UTF-8/ },
  { name: 'bytes that are not UTF-8 after CR line ends', bytes: Uint8Array.from([...utf8('Headline\r\rOne.\rTwo '), 0xff, 0x0d]), line: 4, message: /is not valid UTF-8/ },
  { name: 'UTF-16 text', bytes: Uint8Array.from([...'Headline'].flatMap((c) => [c.charCodeAt(0), 0])), line: 1, message: /contains NUL bytes, so it is UTF-16 or a binary file/ },
  { name: 'an `id:` that climbs out of the output folder', bytes: utf8('---\nid: ../../x\n---\nHeadline\n\nText.\n'), line: 2, message: /`id: \.\.\/\.\.\/x` must be lower-case letters, digits and single hyphens.*may not contain `\/`, `\.\.`/ },
  { name: 'an absolute `id:`', bytes: utf8('---\nid: /etc/passwd\n---\nHeadline\n\nText.\n'), line: 2, message: /`id: \/etc\/passwd` must be lower-case letters/ },
  { name: 'a `permalink:` that climbs out of the output folder', bytes: utf8('---\npermalink: ../../x/index.html\n---\nHeadline\n\nText.\n'), line: 2, message: /`permalink: \.\.\/\.\.\/x\/index\.html` is refused: it would write outside the site folder/ },
  { name: 'an absolute `permalink:`', bytes: utf8('---\npermalink: /tmp/x.html\n---\nHeadline\n\nText.\n'), line: 2, message: /`permalink: \/tmp\/x\.html` is refused/ },
];

describe('an article with a problem a maintainer must fix', () => {
  for (const c of errorCases) {
    it(`should stop the build on ${c.name}, naming the file and line`, () => {
      const record = extractFile('articles/bad.txt', c.bytes);
      const found = errorsOf(record.problems);
      expect(found, JSON.stringify(found)).toHaveLength(1);
      expect(found[0]).toMatchObject({ file: 'articles/bad.txt', line: c.line });
      expect(found[0]!.message).toMatch(c.message);
    });
  }
});

describe('an article of more than 1 MB', () => {
  it('should be refused at once with its size and the limit, not read for minutes', () => {
    const line = 'The union said on Monday that the talks with the ministry would go on, and that nothing was settled.\n\n';
    const bytes = utf8(`Headline\n\n${line.repeat(Math.ceil((10 * 1024 * 1024) / line.length))}`);
    expect(bytes.length).toBeGreaterThan(10 * 1024 * 1024);
    const source = readSource('articles/huge.txt', bytes);
    expect(source.blocks).toEqual([]);
    expect(source.problems).toEqual([{ file: 'articles/huge.txt', message: expect.stringMatching(/^is 10\.0 MB, over the 1 MB an article may have: split it into several articles/), severity: 'error' }]);
  });

  it('should read and extract an article just under the limit', () => {
    const line = 'Jane Roe of the Example Union said on Monday that the talks would go on. ';
    const paragraph = `${line.repeat(12)}\n\n`;
    const text = `---\nheadline: A long one\ndate: 2021-05-19\n---\n${paragraph.repeat(Math.floor((MAX_ARTICLE_BYTES - 100) / paragraph.length))}`;
    expect(utf8(text).length).toBeLessThanOrEqual(MAX_ARTICLE_BYTES);
    const record = extractArticle(readSource('articles/long.txt', utf8(text)), { tagger: dictionaryTagger({ PER: ['Jane Roe'], ORG: ['Example Union'] }), lexicon: buildLexicon({ entities: [], ignore: [] }) });
    expect(errorsOf(record.problems)).toEqual([]);
    expect(record.blocks.length).toBeGreaterThan(1000);
    expect(record.entities.map((e) => e.name).sort()).toEqual(['Example Union', 'Jane Roe']);
  });
});

describe('JavaScript front matter', () => {
  const marker = path.join(os.tmpdir(), `dossier-robust-js-ran-${process.pid}`);
  /** Code that, if it ever ran, would write a file and set a global: proof either way. */
  const payload = (file: string): string =>
    `(globalThis.process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(file)}, 'ran'), globalThis.__dossierFrontMatterRan = true, { headline: 'Pwned' })`;

  it('should be live code, so that the test below means something', () => {
    const control = `${marker}-control`;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    new Function(`return ${payload(control)}`)();
    expect(existsSync(control)).toBe(true);
    delete (globalThis as Record<string, unknown>)['__dossierFrontMatterRan'];
    rmSync(control);
  });

  for (const fence of ['---js', '---javascript', '--- js', '---JS']) {
    it(`should never run a \`${fence}\` block, only refuse it`, () => {
      const record = extractFile('articles/js.txt', utf8(`${fence}\n${payload(marker)}\n---\nHeadline\n\nText.\n`));
      expect(existsSync(marker)).toBe(false);
      expect((globalThis as Record<string, unknown>)['__dossierFrontMatterRan']).toBeUndefined();
      expect(record.frontMatter).toEqual({});
      expect(errorsOf(record.problems)).toEqual([expect.objectContaining({ line: 1, message: expect.stringMatching(/is refused, and never run/) })]);
    });
  }
});

describe('text pasted from anywhere', () => {
  const read = (text: string | Uint8Array) => readSource('articles/t.txt', typeof text === 'string' ? utf8(text) : text);
  const blocks = (text: string | Uint8Array) => read(text).blocks.map((b) => [b.line, b.text]);

  it('should read a file with a UTF-8 BOM as if it had none, front matter included', () => {
    const source = read(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('---\nheadline: With a BOM\n---\nThe text.\n')]));
    expect(source.frontMatter).toEqual({ headline: 'With a BOM' });
    expect(source.blocks.map((b) => [b.line, b.text])).toEqual([[4, 'The text.']]);
    expect(source.problems).toEqual([]);
  });

  it('should read CRLF line ends with the same lines and line numbers as LF', () => {
    const lf = '---\nheadline: Ends\n---\nFirst paragraph.\n\nSecond paragraph.\n';
    expect(read(lf.replace(/\n/g, '\r\n')).frontMatter).toEqual({ headline: 'Ends' });
    expect(blocks(lf.replace(/\n/g, '\r\n'))).toEqual(blocks(lf));
    expect(blocks(lf)).toEqual([[4, 'First paragraph.'], [6, 'Second paragraph.']]);
  });

  it('should read old Mac CR line ends with the same lines and line numbers as LF', () => {
    const lf = 'Headline\n\nFirst paragraph.\nSecond paragraph.\n';
    expect(blocks(lf.replace(/\n/g, '\r'))).toEqual([[1, 'Headline'], [3, 'First paragraph.'], [4, 'Second paragraph.']]);
  });

  it('should keep tabs and non-breaking spaces inside a line, and treat a line of them as blank', () => {
    const source = read('Headline\n\n\tIndented\u00a0text, with a\u00a0non-breaking space.\n\u00a0\t\u00a0\nLast.\n');
    expect(source.blocks.map((b) => [b.line, b.text])).toEqual([[1, 'Headline'], [3, '\tIndented\u00a0text, with a\u00a0non-breaking space.'], [5, 'Last.']]);
    expect(source.problems).toEqual([]);
  });

  it('should show control characters as spaces, with a warning naming the line', () => {
    const source = read('Headline\n\nPage one.\fPage two.\n');
    expect(source.blocks[1]!.text).toBe('Page one. Page two.');
    expect(source.problems).toEqual([{ file: 'articles/t.txt', line: 3, message: expect.stringMatching(/invisible control characters \(U\+000C\), shown as spaces/), severity: 'warning' }]);
  });

  it('should read front matter after blank lines pasted above it', () => {
    const source = read('\n\n---\nheadline: Late fence\n---\nText.\n');
    expect(source.frontMatter).toEqual({ headline: 'Late fence' });
    expect(source.blocks.map((b) => [b.line, b.text])).toEqual([[6, 'Text.']]);
  });

  it('should warn about, not fail on, an unknown key or a harmless permalink', () => {
    const record = extractFile('articles/t.txt', utf8('---\nheadline: H\ndate: 2021-01-01\ntags: [a]\npermalink: nice-page/\n---\nText.\n'));
    expect(errorsOf(record.problems)).toEqual([]);
    expect(warningsOf(record.problems).map((p) => [p.line, p.message])).toEqual([
      [4, expect.stringMatching(/front matter key `tags` is unknown and ignored/)],
      [5, expect.stringMatching(/`permalink` is ignored: Dossier puts each article at articles\/<id>\//)],
    ]);
  });

  it('should accept a date written as a bare year number', () => {
    expect(read('---\ndate: 2021\n---\nH\n\nT.\n').frontMatter).toEqual({ date: '2021' });
  });
});

describe('names in URLs', () => {
  const readable: [string, string][] = [
    ['L’Express', 'l-express'],
    ["L'Express", 'l-express'],
    ['Jean-Luc Mélenchon', 'jean-luc-melenchon'],
    ['Gérald Darmanin', 'gerald-darmanin'],
    ['Unité SGP Police-FO', 'unite-sgp-police-fo'],
    ['Union of Officers (UDO)', 'union-of-officers-udo'],
    ['Aujourd’hui en France', 'aujourd-hui-en-france'],
    ['Champs-Élysées', 'champs-elysees'],
    ['Œuvre d’Orient', 'oeuvre-d-orient'],
    ['!!!', 'untitled'],
  ];
  for (const [name, slug] of readable) it(`should write ${JSON.stringify(name)} as ${slug}`, () => expect(slugify(name)).toBe(slug));

  it('should give names that slugify alike distinct slugs, the same on every run', () => {
    const names = [{ key: 'l express', name: 'L Express' }, { key: "l'express", name: 'L’Express' }, { key: 'l-express', name: 'L-Express' }];
    const once = uniqueSlugs(names);
    expect(new Set(once.values()).size).toBe(3);
    expect([...uniqueSlugs([...names].reverse())].sort()).toEqual([...once].sort());
  });
});

describe('articles and entities that would share a page', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('ids');
  });
  afterAll(() => removeDir(dir));

  it('should give two articles with the same headline distinct, stable ids', async () => {
    const content = path.join(dir, 'same-headline');
    await writeFiles(content, {
      'articles/2021-05-19-protest.txt': goodArticle('Police protest in Paris'),
      'articles/2021-05-20-protest.txt': goodArticle('Police protest in Paris'),
    });
    const first = await buildArchive(content);
    expect(errorsOf(first.problems)).toEqual([]);
    const ids = first.archive.articles.map((a) => a.id).sort();
    expect(ids).toEqual(['2021-05-19-protest', '2021-05-20-protest']);
    expect((await buildArchive(content)).archive.articles.map((a) => a.id).sort()).toEqual(ids);
  });

  it('should stop, not crash, on two files whose names give the same id', async () => {
    const content = path.join(dir, 'same-id');
    await writeFiles(content, { 'articles/Protest.md': goodArticle('One'), 'articles/protest.txt': goodArticle('Two') });
    const result = await buildArchive(content);
    expect(errorsOf(result.problems)).toEqual([{ file: 'articles/protest.txt', message: expect.stringMatching(/gets the id `protest` from its file name, but articles\/Protest\.md already has it.*give this one another `id:`/), severity: 'error' }]);
    expect(result.archive.articles.map((a) => a.id)).toEqual(['protest']);
  });

  it('should warn about a file it does not read (a .docx, an .html), not skip it silently; hidden files are left alone', async () => {
    const content = path.join(dir, 'other-files');
    await writeFiles(content, {
      'articles/story.txt': goodArticle('Police protest in Paris'),
      'articles/notes.docx': 'PK\u0003\u0004 not text',
      'articles/2021/saved page.html': '<html><body>A page</body></html>',
      'articles/.DS_Store': 'finder',
      'articles/.git/config': '[core]',
    });
    const result = await buildArchive(content);
    expect(errorsOf(result.problems)).toEqual([]);
    expect(result.archive.articles.map((a) => a.id)).toEqual(['story']);
    const warnings = result.problems.filter((p) => p.severity === 'warning' && /is not read/.test(p.message));
    expect(warnings).toEqual([
      { file: 'articles/2021/saved page.html', message: expect.stringMatching(/^is not read: articles are \.txt, \.md, \.markdown files/), severity: 'warning' },
      { file: 'articles/notes.docx', message: expect.stringMatching(/move it out of content\/articles\//), severity: 'warning' },
    ]);
  });

  it('should stop on two front matters with the same `id:`', async () => {
    const content = path.join(dir, 'same-front-matter-id');
    const withId = (h: string): string => goodArticle(h).replace('---\n', '---\nid: the-story\n');
    await writeFiles(content, { 'articles/a.txt': withId('One'), 'articles/b.txt': withId('Two') });
    const result = await buildArchive(content);
    expect(errorsOf(result.problems)).toEqual([{ file: 'articles/b.txt', message: expect.stringMatching(/gets the id `the-story` from its `id:`, but articles\/a\.txt already has it/), severity: 'error' }]);
  });

  it('should give two organizations whose names slugify alike two pages', async () => {
    const content = path.join(dir, 'entity-slugs');
    await writeFiles(content, {
      'entities.yaml': 'entities:\n  - name: L’Express\n    kind: organization\n  - name: L-Express\n    kind: organization\n',
      'articles/press.txt': goodArticle('Press review', 'L’Express and L-Express are two different magazines, said the editor.').replace('---\n', '---\norganizations: [L’Express, L-Express]\n'),
    });
    const result = await buildArchive(content);
    expect(errorsOf(result.problems)).toEqual([]);
    const orgs = result.archive.organizations.map((o) => [o.name, o.id, o.url]).sort();
    expect(orgs.map(([name]) => name)).toEqual(['L-Express', 'L’Express']);
    expect(orgs.map(([, id]) => id).sort()).toEqual(['l-express', 'l-express-2']);
    expect(new Set(orgs.map(([, , url]) => url)).size).toBe(2);
    const again = (await buildArchive(content)).archive.organizations.map((o) => [o.name, o.id, o.url]).sort();
    expect(again).toEqual(orgs);
  });
});

describe('a curation file that contradicts itself', () => {
  const cases: [string, string, number, RegExp][] = [
    ['one alias on two entities', 'entities:\n  - name: Alliance Police Nationale\n    kind: organization\n    aliases: [Alliance]\n  - name: Alliance Party\n    kind: organization\n    aliases:\n      - Alliance\n', 8, /the name `Alliance` stands for both `Alliance Police Nationale` \(line 4\) and `Alliance Party`: keep it on one of them/],
    ['an entity listed twice', 'entities:\n  - name: Paris\n    kind: place\n  - name: Paris\n    kind: place\n', 4, /`Paris` is listed twice \(lines 2 and 4\): merge the two entries into one/],
    ['an unknown kind', 'entities:\n  - name: Paris\n    kind: city\n', 3, /`Paris` has kind `city`: use person, organization or place/],
    ['a missing kind', 'entities:\n  - name: Paris\n', 2, /`Paris` has no `kind:`: add `kind: person`, `organization` or `place`/],
    ['a role pointing at no organization', 'entities:\n  - name: Jane Roe\n    kind: person\n    roles:\n      - title: general secretary\n        organization: Example Union\n', 6, /`Jane Roe` has a role in `Example Union`, which is not a curated organization: add an entry for it/],
    ['a role pointing at a person', 'entities:\n  - name: John Doe\n    kind: person\n  - name: Jane Roe\n    kind: person\n    roles:\n      - title: deputy\n        organization: John Doe\n', 8, /has a role in `John Doe`, which is a person, not an organization/],
    ['a role without a title', 'entities:\n  - name: U\n    kind: organization\n  - name: Jane Roe\n    kind: person\n    roles:\n      - organization: U\n', 7, /`Jane Roe`: each role needs a `title:` and an `organization:`/],
    ['an organization part of itself', 'entities:\n  - name: Union\n    kind: organization\n    partOf: Union\n', 4, /`Union` is part of `Union`, which is \(through its own `partOf`\) part of `Union`/],
    ['a part of an unknown organization', 'entities:\n  - name: Branch\n    kind: organization\n    partOf: Nowhere\n', 4, /`Branch` is part of `Nowhere`, which is not a curated organization/],
    ['a name both ignored and curated', 'entities:\n  - name: Beauvau\n    kind: place\nignore:\n  - Place Beauvau\n  - Beauvau\n', 6, /`Beauvau` is both ignored and a name of `Beauvau`: remove it from `ignore:` or from the entry/],
    ['an entry without a name', 'entities:\n  - kind: person\n', 2, /entity number 1 has no `name:`/],
    ['aliases that are not a list', 'entities:\n  - name: Unsa Police\n    kind: organization\n    aliases: Unsa\n', 4, /`Unsa Police`: `aliases` must be a list of texts, like `aliases: \[One, Two\]`/],
    ['invalid YAML', 'entities:\n  - name: A\n   kind: person\n', 3, /is not valid YAML \(.+\)/],
    ['bytes that are not UTF-8', '\u0000', 1, /contains NUL bytes/],
  ];
  for (const [what, yaml, line, message] of cases) {
    it(`should stop the build on ${what}, naming the line`, () => {
      const { curation, problems } = parseCuration('entities.yaml', utf8(yaml));
      const found = errorsOf(problems);
      expect(found, JSON.stringify(found)).toHaveLength(1);
      expect(found[0]).toMatchObject({ file: 'entities.yaml', line });
      expect(found[0]!.message).toMatch(message);
      expect(curation.entities).toEqual([]);
    });
  }

  it('should warn about a misspelt key instead of dropping it silently', () => {
    const { problems } = parseCuration('entities.yaml', utf8('entities:\n  - name: Jane Roe\n    kind: person\n    alias: [Roe]\n'));
    expect(problems).toEqual([{ file: 'entities.yaml', line: 4, message: expect.stringMatching(/`Jane Roe`: key `alias` is unknown and ignored \(known: name, kind, aliases/), severity: 'warning' }]);
  });

  it('should read the seed curation file without a problem', async () => {
    const { readCuration } = await import('../../src/read/curation.ts');
    const { problems, curation } = await readCuration(path.join(import.meta.dirname, '../../content'));
    expect(problems).toEqual([]);
    expect(curation.entities.length).toBeGreaterThan(10);
  });
});
