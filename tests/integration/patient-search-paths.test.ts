import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { numberPrefixRanges } from '../../main/services/patient-search.ts';
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
