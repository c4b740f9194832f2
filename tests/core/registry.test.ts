import { describe, expect, it } from 'vitest';
import { expectOk, tempCore } from '../helpers/temp';

describe('register: groups, practices, prescribers, pharmacies', () => {
  it('creates, lists, updates and deletes with the dependents named first', async () => {
    const { core } = tempCore();
    const group = expectOk(await core.call('groups.create', { name: '  FTO Noord ' }));
    expect(group.name).toBe('FTO Noord');
    const practice = expectOk(
      await core.call('practices.create', {
        groupId: group.id,
        name: 'De Linde',
        agb: '01234567',
        listSizes: [{ year: 2024, size: 5200 }],
      }),
    );
    expect(practice.listSizes).toEqual([{ year: 2024, size: 5200 }]);
    const gp = expectOk(await core.call('prescribers.create', { name: 'A. de Vries', agb: '12345678', practiceId: practice.id }));
    expect(gp).toMatchObject({ key: '12345678', practiceId: practice.id, practiceSource: 'manual' });
    const locum = expectOk(await core.call('prescribers.create', { name: '  Waarnemer   Jansen ', agb: '' }));
    expect(locum).toMatchObject({ key: 'Waarnemer Jansen', agb: null, practiceId: null });

    const impact = expectOk(await core.call('groups.deleteImpact', { id: group.id }));
    expect(impact.consequences).toEqual(['1 praktijk wordt verwijderd', '1 voorschrijver wordt losgekoppeld van hun praktijk']);
    expectOk(await core.call('groups.delete', { id: group.id }));
    expect(expectOk(await core.call('practices.list', {}))).toEqual([]);
    expect(expectOk(await core.call('prescribers.list', {})).map((p) => p.practiceId)).toEqual([null, null]);
  });

  it('refuses bad input with a Dutch message on the field and changes nothing', async () => {
    const { core } = tempCore();
    const group = expectOk(await core.call('groups.create', { name: 'FTO Zuid' }));
    const badAgb = await core.call('practices.create', { groupId: group.id, name: 'Het Anker', agb: '1234' });
    expect(badAgb).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'validation', field: 'agb', message: 'Een AGB-code bestaat uit precies 8 cijfers.' }),
    });
    const empty = await core.call('groups.create', { name: '   ' });
    expect(empty.ok || empty.error).toMatchObject({ field: 'name', message: 'Vul een naam in.' });
    const duplicate = await core.call('groups.create', { name: 'fto zuid' });
    expect(duplicate.ok || duplicate.error).toMatchObject({ code: 'duplicate', field: 'name' });
    expect(expectOk(await core.call('groups.list', {}))).toHaveLength(1);
    expect(expectOk(await core.call('practices.list', {}))).toHaveLength(0);
  });

  it('answers an unknown method with an error value', async () => {
    const { core } = tempCore();
    expect(await core.callUnchecked('groups.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });
});
