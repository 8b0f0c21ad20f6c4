import { beforeAll, describe, expect, it } from 'vitest';
import { buildArchive } from '../src/build.ts';
import type { Archive } from '../src/model.ts';
import { nameKey } from '../src/text/normalize.ts';

/**
 * The seed archive is content, not a fixture: the site must be right about every person,
 * organization, role and demand in it. This is the editor's checklist, as a test.
 */
let archive: Archive;
beforeAll(async () => {
  ({ archive } = await buildArchive('content'));
});

const names = (list: readonly { name: string }[]): string[] => list.map((e) => e.name).sort();
const byName = <T extends { name: string }>(list: readonly T[], name: string): T | undefined => list.find((e) => nameKey(e.name) === nameKey(name));

const PEOPLE = [
  'Christian Estrosi', 'Christian Mouhanna', 'Christophe Castaner', 'Christophe Kulikowski', 'Emmanuel Macron', 'Eric Ciotti',
  'Eric Masson', 'Fabien Vanhemelryck', 'Gérald Darmanin', 'Gérard Collomb', 'Jean-Claude Delage', 'Jean-Luc Mélenchon',
  'Jean-Paul Gaudin', 'Laurent Massonneau', 'Nicolas Sarkozy', 'Olivier Cahn', 'Stéphanie Montfermé', 'Yoann Maras',
];

const ORGANIZATIONS = [
  'Alliance Police Nationale', 'Unsa Police', 'Union of Officers (UDO)', 'Unité SGP Police-FO', 'Ministry of the Interior',
  'Prefecture of Police', 'DGSI', 'National Assembly', 'National Rally', 'RPR', 'UMP',
  'Center for Sociological Research on Law and Criminal Institutions', 'Cevipof', 'Sciences Po', 'University of Tours',
  'L’Express', 'MEMRI', 'Al-Qaeda',
];

describe('the seed archive', () => {
  it('should have a page for each of the 18 people named, and no other', () => {
    expect(names(archive.people)).toEqual([...PEOPLE].sort());
  });

  it('should have a page for every organization named', () => {
    for (const org of ORGANIZATIONS) expect(byName(archive.organizations, org), org).toBeDefined();
  });

  it('should have no false organization or person', () => {
    const all = [...archive.people, ...archive.organizations, ...archive.places].map((e) => nameKey(e.name));
    for (const bad of ['Place Beauvau', 'Sarkozy years', 'Sarkozy', 'French', 'Mr. Secretary', 'Secretary', 'police', 'the unions', 'RIO', 'Wild West', 'SMS', 'Bitcoins', 'Jihadists', 'Islamism']) expect(all).not.toContain(nameKey(bad));
  });

  it('should have the places the articles name', () => {
    for (const place of ['Paris', 'Avignon', 'Rambouillet', 'Marseille', 'France']) expect(byName(archive.places, place), place).toBeDefined();
  });

  const role = (person: string, org: string): string[] => {
    const p = byName(archive.people, person);
    const o = byName(archive.organizations, org);
    return (p?.roles ?? []).filter((r) => r.organization === o?.id).map((r) => r.title.toLowerCase());
  };

  it('should know the union leaders’ roles', () => {
    expect(role('Fabien Vanhemelryck', 'Alliance Police Nationale')).toContain('general secretary');
    expect(role('Yoann Maras', 'Alliance Police Nationale')).toContain('ile-de-france manager');
    expect(role('Laurent Massonneau', 'Union of Officers (UDO)')).toContain('general secretary');
    expect(role('Christian Mouhanna', 'Center for Sociological Research on Law and Criminal Institutions')).toContain('director');
    expect(role('Olivier Cahn', 'University of Tours')).toContain('professor of criminal law');
  });

  it('should join a union named in two articles', () => {
    const unsa = byName(archive.organizations, 'Unsa Police')!;
    expect(unsa.articles).toHaveLength(2);
    const alliance = byName(archive.organizations, 'Alliance Police Nationale')!;
    expect(alliance.aliases.map(nameKey)).toEqual(expect.arrayContaining(['alliance', 'alliance national police', 'national police alliance']));
    const rally = byName(archive.organizations, 'National Rally')!;
    expect(rally.articles).toHaveLength(2);
  });

  it('should join a surname alone to the full name in the same article', () => {
    const maras = byName(archive.people, 'Yoann Maras')!;
    expect(maras.mentions.map((m) => m.text)).toContain('Maras');
    const darmanin = byName(archive.people, 'Gérald Darmanin')!;
    expect(darmanin.mentions.length).toBeGreaterThanOrEqual(3);
  });

  const demandsOf = (articleId: string) => archive.demands.filter((d) => d.article === articleId);

  it('should have the five listed demands of the Unsa officers', () => {
    const labels = demandsOf('police-officers-have-a-price-on-their-heads').map((d) => d.label);
    expect(labels).toEqual(expect.arrayContaining(['The protection of identity', 'Appropriate training', 'Access to weapons', 'Clear instructions', 'Concrete penalties']));
    const udo = byName(archive.organizations, 'Union of Officers (UDO)')!;
    for (const d of demandsOf('police-officers-have-a-price-on-their-heads').slice(0, 5)) expect(d.by).toContain(udo.id);
  });

  it('should have Alliance’s self-defence demand', () => {
    const d = demandsOf('alliance-the-police-union-that-terrorizes-interior-ministers').find((x) => /self-defen[cs]e/i.test(x.label));
    expect(d).toBeDefined();
    const alliance = byName(archive.organizations, 'Alliance Police Nationale')!;
    expect(d!.by).toContain(alliance.id);
  });

  it('should have the imprisonment and sentencing demands of the rally', () => {
    const texts = demandsOf('french-police-protest-in-paris').map((d) => d.text).join('\n');
    expect(texts).toMatch(/guarantee imprisonment/);
    expect(texts).toMatch(/30-year prison sentence/);
  });

  it('should group the demands for prison sentences for attacks on officers across two articles', () => {
    const theme = archive.themes.find((t) => t.demands.includes('police-officers-have-a-price-on-their-heads-d5'));
    expect(theme?.demands.some((id) => id.startsWith('french-police-protest-in-paris'))).toBe(true);
    expect(theme?.label).toMatch(/prison/);
  });

  it('should keep every article’s date at its real precision', () => {
    const dates = Object.fromEntries(archive.articles.map((a) => [a.id, a.date?.iso]));
    expect(dates).toEqual({
      'police-officers-have-a-price-on-their-heads': '2021-05',
      'alliance-the-police-union-that-terrorizes-interior-ministers': '2022-05',
      'french-police-protest-in-paris': '2021-05-19',
    });
  });
});
