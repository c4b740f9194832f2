import { useState } from 'react';
import { call } from '../api';
import { FormDialog } from '../components/Dialog';
import { SelectField } from '../components/Field';
import { fieldError, useAction } from '../hooks';
import { useI18n } from '../i18n';
import type { Analysis, ColumnMapping, ImportField, PickedFile } from './model';

interface Props {
  file: PickedFile;
  analysis: Analysis;
  onClose(): void;
  /** The mapping settles every problem: the new analysis and the choices to import with. */
  onSettled(analysis: Analysis, mapping: ColumnMapping): void;
}

const NONE = '';

/** The column-mapping screen: per field the column to read it from, with the file's first rows to go by. */
export function MappingForm({ file, analysis, onClose, onSettled }: Props) {
  const { t } = useI18n();
  const [current, setCurrent] = useState(analysis);
  const [choice, setChoice] = useState<Record<ImportField, string>>(
    () =>
      Object.fromEntries(
        analysis.fields.map((f) => [f.field, analysis.matched.find((m) => m.field === f.field)?.header ?? NONE]),
      ) as Record<ImportField, string>,
  );
  const refused = new Set(current.refused.map((r) => r.column));
  const columns = current.headers.map((header, column) => ({ header, column })).filter((c) => c.header !== '' && !refused.has(c.column));
  const mapping = (): ColumnMapping =>
    Object.fromEntries(Object.entries(choice).map(([field, header]) => [field, header === NONE ? null : header]));
  const check = useAction(() => call('imports.analyze', { name: file.name, contentBase64: file.base64, mapping: mapping() }));

  const submit = async () => {
    const result = await check.run();
    if (!result.ok) return;
    setCurrent(result.value);
    if (!result.value.needsMapping) onSettled(result.value, mapping());
  };
  const problemOf = (field: ImportField) =>
    current.problems.find((p) => p.field === field)?.message ?? fieldError(check.error, `mapping.${field}`);

  return (
    <FormDialog
      title={t('mapping.title', { file: file.name })}
      onClose={onClose}
      onSubmit={submit}
      busy={check.busy}
      submitLabel={t('mapping.apply')}
      error={check.error?.message}
      wide
    >
      <p className="hint">{t('mapping.intro')}</p>
      {current.problems.some((p) => p.field === null) && (
        <ul>
          {current.problems
            .filter((p) => p.field === null)
            .map((p) => (
              <li key={p.message} className="error">
                {p.message}
              </li>
            ))}
        </ul>
      )}
      <div className="mapping-grid">
        {current.fields.map((f) => (
          <SelectField
            key={f.field}
            label={f.required ? t('mapping.required', { label: f.label }) : f.label}
            value={choice[f.field]}
            onChange={(header) => setChoice((c) => ({ ...c, [f.field]: header }))}
            error={problemOf(f.field)}
            options={[{ value: NONE, label: t('mapping.none') }, ...columns.map((c) => ({ value: c.header, label: c.header }))]}
          />
        ))}
      </div>
      {current.preview.length > 0 && (
        <>
          <h3>{t('mapping.preview')}</h3>
          <div className="table-scroll preview">
            <table>
              <thead>
                <tr>
                  {current.headers.map((header, column) => (
                    <th key={column} scope="col">
                      {header || '—'}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {current.preview.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, column) => (
                      <td key={column}>{refused.has(column) ? <em className="muted-value">{t('mapping.hidden')}</em> : cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </FormDialog>
  );
}
