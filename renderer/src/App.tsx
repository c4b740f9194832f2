import { useCallback, useEffect, useRef, useState } from 'react';
import { get } from './api';
import { ConnectionBanner } from './components/ConnectionBanner';
import { SelectField } from './components/Field';
import { useLoad } from './hooks';
import { DataSection } from './data/DataSection';
import { Figures } from './figures/Figures';
import { useI18n, type Key } from './i18n';
import { AgreementsSection } from './sections/agreements/AgreementsSection';
import { MeetingSection } from './sections/meeting/MeetingSection';
import { Registry } from './sections/Registry';
import { DueNotice } from './sections/agreements/DueNotice';
import { Settings } from './sections/Settings';
import { Welcome } from './sections/Welcome';
import type { DatabaseInfo, Group } from './types';

export const sections = ['groep', 'gegevens', 'cijfers', 'bijeenkomst', 'afspraken', 'instellingen'] as const;
export type Section = (typeof sections)[number];

const sectionTitle: Record<Section, Key> = {
  groep: 'nav.registry',
  gegevens: 'nav.data',
  cijfers: 'nav.figures',
  bijeenkomst: 'nav.meeting',
  afspraken: 'nav.agreements',
  instellingen: 'nav.settings',
};

function sectionFromHash(): Section {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (sections as readonly string[]).includes(name) ? (name as Section) : 'groep';
}

const GROUP_KEY = 'fto.group';

function storedGroupId(): number | undefined {
  const value = Number(localStorage.getItem(GROUP_KEY));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** `refused`: edits from before a reload that the app would not take (see replayPending in api.ts). */
export function App({ refused = [] }: { refused?: string[] }) {
  const { t } = useI18n();
  const [section, setSection] = useState<Section>(sectionFromHash);
  const [info, setInfo] = useState<DatabaseInfo>();
  const [infoError, setInfoError] = useState<string>();
  const [groupId, setGroupId] = useState<number | undefined>(storedGroupId);
  const groups = useLoad(() => get('groups.list'), [info?.path]);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    get('database.info').then(setInfo, (error: Error) => setInfoError(error.message));
  }, []);
  useEffect(() => {
    const onHash = () => {
      setSection(sectionFromHash());
      // Moving focus to the new heading tells keyboard and screen-reader users where they are.
      requestAnimationFrame(() => heading.current?.focus());
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const list = groups.data;
  const group: Group | undefined = list?.find((g) => g.id === groupId) ?? list?.[0];
  const selectGroup = useCallback((id: number | undefined) => {
    setGroupId(id);
    if (id === undefined) localStorage.removeItem(GROUP_KEY);
    else localStorage.setItem(GROUP_KEY, String(id));
  }, []);
  const groupsChanged = useCallback(
    (selectId?: number) => {
      selectGroup(selectId);
      groups.reload();
    },
    [groups, selectGroup],
  );

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        {list && list.length > 0 && group && (
          <div className="group-picker">
            <SelectField
              label={t('group.label')}
              value={String(group.id)}
              onChange={(id) => selectGroup(Number(id))}
              options={list.map((g) => ({ value: String(g.id), label: g.name }))}
            />
          </div>
        )}
      </header>
      <div className="frame">
        <nav className="sidebar" aria-label={t('nav.label')}>
          <ul>
            {sections.map((name) => (
              <li key={name} className={name === 'instellingen' ? 'nav-bottom' : undefined}>
                <a href={`#${name}`} aria-current={name === section ? 'page' : undefined}>
                  {t(sectionTitle[name])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <h1 ref={heading} tabIndex={-1}>
            {t(sectionTitle[section])}
          </h1>
          <ConnectionBanner refused={refused} />
          {info?.permissionsNotice && (
            <p className="notice" role="status">
              {info.permissionsNotice}
            </p>
          )}
          {(infoError ?? groups.error) && <p className="error">{infoError ?? groups.error}</p>}
          {list && info && (
            <SectionBody
              section={section}
              group={group}
              info={info}
              onGroupsChanged={groupsChanged}
              onDatabaseChanged={(next) => {
                setInfo(next);
                selectGroup(undefined);
              }}
            />
          )}
        </main>
      </div>
    </div>
  );
}

interface BodyProps {
  section: Section;
  group: Group | undefined;
  info: DatabaseInfo;
  onGroupsChanged(selectId?: number): void;
  onDatabaseChanged(info: DatabaseInfo): void;
}

function SectionBody({ section, group, info, onGroupsChanged, onDatabaseChanged }: BodyProps) {
  const { t } = useI18n();
  if (section === 'instellingen') return <Settings info={info} onDatabaseChanged={onDatabaseChanged} />;
  if (!group) {
    if (section === 'groep') return <Welcome onGroupsChanged={onGroupsChanged} />;
    return (
      <p className="panel">
        {t('group.needed')} <a href="#groep">{t('group.neededLink')}</a>
      </p>
    );
  }
  switch (section) {
    case 'groep':
      return (
        <>
          <DueNotice group={group} />
          <Registry key={`${info.path}:${group.id}`} group={group} onGroupsChanged={onGroupsChanged} />
        </>
      );
    case 'gegevens':
      return <DataSection key={`${info.path}:${group.id}`} group={group} />;
    case 'cijfers':
      return <Figures key={`${info.path}:${group.id}`} group={group} />;
    case 'bijeenkomst':
      return <MeetingSection key={`${info.path}:${group.id}`} group={group} />;
    case 'afspraken':
      return <AgreementsSection key={`${info.path}:${group.id}`} group={group} />;
  }
}
