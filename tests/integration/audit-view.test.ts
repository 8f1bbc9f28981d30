import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditRow } from '#contract/operations.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, signInNew, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
});
afterEach(() => app.close());

describe('audit viewer', () => {
  it('pages through 20,000 rows newest first by keyset, with filters by user, action, entity and date', async () => {
    const desk = await signInNew(app, 'receptionist');
    // Bulk rows straight into the trail (the dispatcher path is covered below), in batches
    // through Kysely so the same test runs on SQLite and PostgreSQL.
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      user_id: i % 2 ? desk.userId : null,
      action: i % 3 ? 'bulk.edit' : 'bulk.view',
      entity: 'thing',
      entity_id: String(i),
      before_json: null,
      after_json: '{"n":1}',
    }));
    for (let i = 0; i < rows.length; i += 1000) {
      await app.core.database.db
        .insertInto('audit_log')
        .values(rows.slice(i, i + 1000))
        .execute();
    }

    const seen: AuditRow[] = [];
    let cursor: number | undefined;
    for (;;) {
      const page = await app.ok(ADMIN_KEY, 'audit.list', {
        filters: { entity: 'thing' },
        limit: 500,
        ...(cursor === undefined ? {} : { cursor }),
      });
      seen.push(...page.rows);
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(20_000);
    const ids = seen.map((r) => r.auditId);
    expect(new Set(ids).size).toBe(20_000);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    const byUserAndAction = await app.ok(ADMIN_KEY, 'audit.list', {
      filters: { userId: desk.userId, action: 'bulk.view' },
      limit: 500,
    });
    expect(byUserAndAction.rows.every((r) => r.userId === desk.userId && r.action === 'bulk.view')).toBe(true);
    expect(byUserAndAction.rows[0]?.userName).toBe(seen.find((r) => r.userId === desk.userId)?.userName);

    // 2026-01-01 in London is UTC: the first 1440 minutes.
    const oneDay = await app.ok(ADMIN_KEY, 'audit.list', {
      filters: { entity: 'thing', from: '2026-01-01', to: '2026-01-01' },
      limit: 500,
    });
    let count = oneDay.rows.length;
    let next = oneDay.nextCursor;
    while (next !== null) {
      const page = await app.ok(ADMIN_KEY, 'audit.list', {
        filters: { entity: 'thing', from: '2026-01-01', to: '2026-01-01' },
        limit: 500,
        cursor: next,
      });
      count += page.rows.length;
      next = page.nextCursor;
    }
    expect(count).toBe(1440);

    const facets = await app.ok(ADMIN_KEY, 'audit.facets', {});
    expect(facets.actions).toEqual(expect.arrayContaining(['bulk.edit', 'bulk.view', 'setup.complete']));
    expect(facets.entities).toContain('thing');
    expect(facets.users.map((u) => u.userId)).toContain(desk.userId);
  });

  it('writes a view row when a patient record is opened, and filters a patient’s rows with before and after', async () => {
    const desk = await signInNew(app, 'receptionist');
    const patient = await app.ok(desk.key, 'patients.register', {
      name: 'Viewed Patient',
      phone: '0700 555 111',
      email: null,
      medicalNotes: null,
      confirmedNotDuplicate: true,
    });
    const other = await app.ok(desk.key, 'patients.register', {
      name: 'Other Patient',
      phone: '0700 555 222',
      email: null,
      medicalNotes: null,
      confirmedNotDuplicate: true,
    });
    const opened = await app.ok(desk.key, 'patients.get', { patientId: patient.patientId });
    await app.ok(desk.key, 'patients.update', {
      patientId: patient.patientId,
      version: opened.version,
      name: 'Viewed Patient Renamed',
      phone: '0700 555 111',
      email: null,
      medicalNotes: null,
      dateOfBirth: null,
      gender: null,
    });
    await app.ok(desk.key, 'patients.get', { patientId: other.patientId });

    const { rows } = await app.ok(ADMIN_KEY, 'audit.list', { filters: { patientId: patient.patientId } });
    expect(rows.map((r) => r.action)).toEqual(['patient.update', 'patient.view', 'patient.register']);
    expect(rows[1]).toMatchObject({ userId: desk.userId, entity: 'patient', entityId: String(patient.patientId) });
    expect(rows[0]?.before).toMatchObject({ name: 'Viewed Patient' });
    expect(rows[0]?.after).toMatchObject({ name: 'Viewed Patient Renamed' });
  });
});
