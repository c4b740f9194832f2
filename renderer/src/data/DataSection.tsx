import { useCallback, useState } from 'react';
import { Tabs } from '../components/Tabs';
import { useI18n } from '../i18n';
import type { Group } from '../types';
import { Dosings } from './Dosings';
import { History } from './History';
import { ImportPanel } from './ImportPanel';
import { MappingImport } from './MappingImport';
import { Merges } from './Merges';
import { Products } from './Products';
import { Unassigned } from './Unassigned';

type View = 'import' | 'history' | 'products' | 'dosings' | 'prescribers';

/** Gegevens: import, its history, the product check, the dosing texts and prescribers still to be placed. */
export function DataSection({ group }: { group: Group }) {
  const { t } = useI18n();
  const [view, setView] = useState<View>('import');
  // Bumped after an import or undo, so that the other views load again.
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  return (
    <Tabs<View>
      label={t('nav.data')}
      current={view}
      onChange={setView}
      tabs={[
        { key: 'import', label: t('data.tabImport') },
        { key: 'history', label: t('data.tabHistory') },
        { key: 'products', label: t('data.tabProducts') },
        { key: 'dosings', label: t('data.tabDosings') },
        { key: 'prescribers', label: t('data.tabPrescribers') },
      ]}
    >
      {/* The import view stays mounted, so that a running import keeps its progress when the user looks elsewhere. */}
      <div hidden={view !== 'import'}>
        <ImportPanel group={group} onImported={changed} />
      </div>
      {view === 'history' && <History group={group} version={version} onChanged={changed} />}
      {view === 'products' && <Products version={version} onChanged={changed} />}
      {view === 'dosings' && <Dosings version={version} onChanged={changed} />}
      {view === 'prescribers' && (
        <>
          <Merges version={version} onChanged={changed} />
          <Unassigned group={group} version={version} onChanged={changed} />
          <MappingImport onApplied={changed} />
        </>
      )}
    </Tabs>
  );
}
