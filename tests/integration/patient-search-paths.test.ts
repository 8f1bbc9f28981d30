import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { numberPrefixRanges } from '../../main/services/patients/patient-search.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// The fast paths of patient search (tests/integration/patients.test.ts holds the contract):
// a patient number typed so far, and names typed from their first letter.

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
});
afterEach(() => app.close());

const register = (name: string, phone: string) =>
  app.ok(ADMIN_KEY, 'patients.register', { name, phone, email: null, medicalNotes: null, confirmedNotDuplicate: true });

const search = async (query: string, limit?: number) =>
  (await app.ok(ADMIN_KEY, 'patients.search', limit === undefined ? { query } : { query, limit })).map((p) => p.name);

describe('patient number typed so far', () => {
  it('means the numbers it is the start of, six digits or more', () => {
    expect(numberPrefixRanges('000345')).toEqual([[345, 346]]);
    expect(numberPrefixRanges('0003')).toEqual([[300, 400]]);
    expect(numberPrefixRanges('0')).toEqual([[0, 100_000]]);
    expect(numberPrefixRanges('1000')).toEqual([
      [100_000, 100_100],
      [1_000_000, 1_001_000],
      [10_000_000, 10_010_000],
      [100_000_000, 100_100_000],
    ]);
    expect(numberPrefixRanges('1000123')[0]).toEqual([1_000_123, 1_000_124]);
  });

  it('finds the patients whose number starts with what was typed, in number order', async () => {
    const maria = await register('Maria Perera', '0777 123 4567');
    const kwame = await register('Kwame Mensah', '0244 555 019');
    expect(await search('P-0')).toEqual(['Maria Perera', 'Kwame Mensah']);
    expect(await search(kwame.patientNumber.toLowerCase())).toEqual(['Kwame Mensah']);
    expect(await search(maria.patientNumber.slice(0, -1))).toContain('Maria Perera');
    expect(await search('P-9')).toEqual([]);
  });
});

describe('names typed from the start', () => {
  it('answer from the name index when it has a page of hits, and still find the middle of names', async () => {
    for (const name of ['Anna Nowak', 'Anna Novak', 'Anna Noble', 'Joanna Nowak', 'Hannah Brown']) {
      await register(name, '0200 000 000');
    }
    const twoOfThree = await search('anna no', 2);
    expect(twoOfThree).toHaveLength(2);
    for (const name of twoOfThree) expect(name.toLowerCase().startsWith('anna no')).toBe(true);
    // Fewer prefix hits than the page: the trigram search adds the names that contain it.
    expect((await search('anna now')).sort()).toEqual(['Anna Nowak', 'Joanna Nowak']);
    expect((await search('anna')).sort()).toEqual(
      ['Anna Noble', 'Anna Novak', 'Anna Nowak', 'Hannah Brown', 'Joanna Nowak'].filter((n) =>
        n.toLowerCase().includes('anna'),
      ),
    );
  });
});

describe('names typed in any word order', () => {
  it('finds surname-first and partly typed words from the word index, a page of them at once', async () => {
    for (const name of ['Ajohn Blacksmith', 'Joanna Smith', 'John Smithers', 'Anna Johnson', 'Peter Smith']) {
      await register(name, '0200 000 000');
    }
    expect((await search('smith jo')).sort()).toEqual(['Ajohn Blacksmith', 'Joanna Smith', 'John Smithers']);
    expect((await search('SMITHERS   john')).sort()).toEqual(['John Smithers']);
    // A full page of word-start hits: the middle-of-word match (Blacksmith) is not needed.
    const page = await search('smi jo', 2);
    expect(page.sort()).toEqual(['Joanna Smith', 'John Smithers']);
    expect(await search('smith peter')).toEqual(['Peter Smith']);
  });

  it('folds accents, follows renames and deletions of the word, and never mixes in other words', async () => {
    const lucia = await register('Lucía Hernández', '0200 000 001');
    await register('Luis Hernando', '0200 000 002');
    // SQLite's word index folds accents; PostgreSQL's trigram search matches them as typed.
    const folded = app.core.database.kind === 'postgres' ? [] : ['Lucía Hernández'];
    expect(await search('hernandez luc')).toEqual(folded);
    expect(await search('HERNÁNDEZ Lucía')).toEqual(['Lucía Hernández']);
    expect(await search('lucía hernán')).toEqual(['Lucía Hernández']);
    expect((await search('hernan lu')).sort()).toEqual([...folded, 'Luis Hernando']);
    const detail = await app.ok(ADMIN_KEY, 'patients.get', { patientId: lucia.patientId });
    await app.ok(ADMIN_KEY, 'patients.update', {
      patientId: lucia.patientId,
      version: detail.version,
      name: 'Lucía Ortega',
      phone: '0200 000 001',
      email: null,
      medicalNotes: null,
    });
    expect(await search('hernandez luc')).toEqual([]);
    expect(await search('ortega luc')).toEqual(['Lucía Ortega']);
    expect(await search('hernan lu')).toEqual(['Luis Hernando']);
  });
});
