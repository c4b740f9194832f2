import { useEffect, useRef, useState } from 'react';
import { call, get } from '../api';
import { readAsBase64 } from '../download';
import { useAction } from '../hooks';
import { useI18n } from '../i18n';
import type { Group } from '../types';
import { MappingForm } from './MappingForm';
import type { PickedFile, Progress } from './model';
import { ImportSummary } from './ImportSummary';
import { LinkButton } from '../components/LinkButton';

const POLL_MS = 250;

/** Gegevens → Importeren: pick files, check what was recognised (mapping when needed), import with progress, summary. */
export function ImportPanel({ group, onImported }: { group: Group; onImported(): void }) {
  const { t, formatNumber } = useI18n();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [reading, setReading] = useState(false);
  const [mapping, setMapping] = useState<string>();
  const [progress, setProgress] = useState<Progress>();
  const [pollError, setPollError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const ready = files.filter((f) => f.analysis && !f.analysis.needsMapping && !f.error);
  const running = progress !== undefined && !progress.done;
  const start = useAction(() =>
    call('imports.start', {
      groupId: group.id,
      files: ready.map((f) => ({ name: f.name, contentBase64: f.base64, ...(f.mapping ? { mapping: f.mapping } : {}) })),
    }),
  );

  const pick = async (list: FileList | null) => {
    if (!list?.length) return;
    setReading(true);
    setProgress(undefined);
    const picked: PickedFile[] = [];
    for (const file of Array.from(list)) {
      const key = `${file.name}:${file.size}:${file.lastModified}`;
      try {
        const base64 = await readAsBase64(file);
        const result = await call('imports.analyze', { name: file.name, contentBase64: base64 });
        picked.push(
          result.ok
            ? { key, name: file.name, base64, analysis: result.value }
            : { key, name: file.name, base64, error: result.error.message },
        );
      } catch (error) {
        picked.push({ key, name: file.name, base64: '', error: t('import.unreadable', { reason: (error as Error).message }) });
      }
    }
    setFiles((current) => [...current.filter((f) => !picked.some((p) => p.key === f.key)), ...picked]);
    setReading(false);
    if (input.current) input.current.value = '';
  };

  const begin = async () => {
    const result = await start.run();
    if (!result.ok) return;
    setPollError(undefined);
    setProgress({ jobId: result.value.jobId, fraction: 0, done: false, currentFile: null, files: [] });
  };

  // While a job runs, ask for its progress a few times a second; the work itself runs in a worker.
  useEffect(() => {
    if (!progress || progress.done) return;
    const timer = setTimeout(async () => {
      try {
        const next = await get('imports.progress', { jobId: progress.jobId });
        setProgress(next);
        if (next.done) {
          setFiles([]);
          onImported();
        }
      } catch (error) {
        setPollError((error as Error).message);
        setProgress({ ...progress, done: true });
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [progress, onImported]);

  const editing = files.find((f) => f.key === mapping);

  return (
    <>
      <section className="panel" aria-labelledby="import-pick">
        <h2 id="import-pick">{t('import.title', { group: group.name })}</h2>
        <p className="hint">{t('import.intro')}</p>
        <label className="file-pick">
          <span className="button-like">{t('import.choose')}</span>
          <input
            ref={input}
            type="file"
            multiple
            accept=".xlsx,.xls,.ods,.csv,.txt"
            disabled={reading || running}
            onChange={(event) => pick(event.target.files)}
          />
        </label>
        {reading && <p role="status">{t('import.reading')}</p>}
      </section>

      {files.length > 0 && (
        <section className="panel" aria-labelledby="import-files">
          <h2 id="import-files">{t('import.files')}</h2>
          <ul className="file-list">
            {files.map((file) => (
              <li key={file.key} className="file-card">
                <div className="file-head">
                  <strong>{file.name}</strong>
                  <LinkButton label={t('common.remove')} onClick={() => setFiles((fs) => fs.filter((f) => f.key !== file.key))} />
                </div>
                {file.error && <p className="error">{file.error}</p>}
                {file.analysis && (
                  <>
                    <p>
                      {t('import.found', { rows: formatNumber(file.analysis.dataRows), header: file.analysis.headerRow ?? '—' })}
                      {file.analysis.rememberedMapping && ` ${t('import.remembered')}`}
                    </p>
                    <p className="matched">
                      {file.analysis.matched.map((m) => (
                        <span key={m.field} className="chip">
                          {file.analysis!.fields.find((f) => f.field === m.field)?.label ?? m.field}: <em>{m.header}</em>
                        </span>
                      ))}
                    </p>
                    {file.analysis.refused.map((r) => (
                      <p key={r.column} className="notice">
                        {t('import.refused', { header: r.header, reason: r.reason })}
                      </p>
                    ))}
                    {file.analysis.needsMapping ? (
                      <div className="problems">
                        <ul>
                          {file.analysis.problems.map((p) => (
                            <li key={`${p.field}:${p.message}`} className="error">
                              {p.message}
                            </li>
                          ))}
                        </ul>
                        <button type="button" className="primary" onClick={() => setMapping(file.key)}>
                          {t('import.chooseColumns')}
                        </button>
                      </div>
                    ) : (
                      <p className="success">
                        {t('import.ready')} <LinkButton label={t('import.checkColumns')} onClick={() => setMapping(file.key)} />
                      </p>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
          {start.error && <p className="error">{start.error.message}</p>}
          <div className="actions">
            <button type="button" className="primary" onClick={begin} disabled={ready.length === 0 || running || start.busy}>
              {t(ready.length === 1 ? 'import.startOne' : 'import.startMany', { n: ready.length, group: group.name })}
            </button>
          </div>
        </section>
      )}

      {progress && (
        <section className="panel" aria-labelledby="import-progress">
          <h2 id="import-progress">{progress.done ? t('import.done') : t('import.busy')}</h2>
          {!progress.done && (
            <>
              <progress max={1} value={progress.fraction} aria-labelledby="import-progress" />
              <p role="status">
                {t('import.percent', { percent: Math.round(progress.fraction * 100) })}
                {progress.currentFile && ` · ${progress.currentFile}`}
              </p>
            </>
          )}
          {pollError && <p className="error">{pollError}</p>}
          {progress.done && progress.files.map((file) => <ImportSummary key={file.file} file={file} />)}
          {progress.done && progress.files.some((f) => f.imported > 0) && (
            <p>
              <a href="#cijfers">{t('import.toFigures')}</a>
            </p>
          )}
        </section>
      )}

      {editing?.analysis && (
        <MappingForm
          file={editing}
          analysis={editing.analysis}
          onClose={() => setMapping(undefined)}
          onSettled={(analysis, chosen) => {
            setFiles((fs) => fs.map((f) => (f.key === editing.key ? { ...f, analysis, mapping: chosen } : f)));
            setMapping(undefined);
          }}
        />
      )}
    </>
  );
}
