import { useEffect, useId, useRef, useState } from 'react';
import { call, get } from '../../api';
import { Dialog } from '../../components/Dialog';
import { DateField, SelectField, TextField } from '../../components/Field';
import { toOptionalNumber, useAction, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { SaveStatus, useAutosave } from '../meeting/autosave';
import { TextAreaField } from '../meeting/TextAreaField';
import { periodLabel } from './Evaluation';
import {
  agreementIndicators,
  kindKey,
  kinds,
  scopeFromValue,
  scopeValue,
  type Agreement,
  type AgreementIndicator,
  type Evaluation,
  type Suggestion,
  type AgreementKind,
} from './model';
import { useIndicatorLabel } from './useIndicatorLabel';
import './agreements.css';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';

interface Props {
  meeting: { id: number; groupId: number; module: string };
  /** Narrow layout for the chair's panel next to the slides. */
  compact?: boolean;
  /** Called after an agreement was stored, changed or removed (the live deck follows). */
  onChanged?: () => void;
}

/**
 * The live agreements of a meeting, per practice, pharmacy or the whole group. A new agreement is
 * stored at once (empty, or from a suggestion), and then every keystroke is saved into it.
 */
export function AgreementsEditor({ meeting, compact, onChanged }: Props) {
  const { t } = useI18n();
  const places = useLoad(
    () => Promise.all([get('practices.list', { groupId: meeting.groupId }), get('pharmacies.list', { groupId: meeting.groupId })]),
    [meeting.groupId],
  );
  const suggestions = useLoad(() => get('agreements.suggestions', { module: meeting.module }), [meeting.module]);
  const loaded = useLoad(() => get('agreements.list', { meetingId: meeting.id }), [meeting.id]);
  // The list is loaded once and then kept here: cards own their text, so a reload never overwrites typing.
  const [agreements, setAgreements] = useState<Agreement[]>();
  useEffect(() => setAgreements(loaded.data), [loaded.data]);
  const [scope, setScope] = useState<string>();
  const [focusId, setFocusId] = useState<number>();
  const indicatorLabel = useIndicatorLabel();
  const create = useAction((input: { suggestionId?: string }) =>
    call('agreements.create', { meetingId: meeting.id, ...scopeFromValue(currentScope), ...input }),
  );

  const [practices, pharmacies] = places.data ?? [[], []];
  const scopes = [
    ...practices.map((p) => ({ value: scopeValue({ practiceId: p.id, pharmacyId: null }), name: p.name })),
    ...pharmacies.map((p) => ({ value: scopeValue({ practiceId: null, pharmacyId: p.id }), name: p.name })),
    { value: 'group', name: t('agreement.wholeGroup') },
  ];
  const currentScope = scope ?? scopes[0]!.value;
  const count = (value: string) => agreements?.filter((a) => scopeValue(a) === value).length ?? 0;
  const shown = agreements?.filter((a) => scopeValue(a) === currentScope) ?? [];
  const fits = (s: Suggestion) => (s.kind === 'apotheek') === currentScope.startsWith('pharmacy:');

  const add = async (input: { suggestionId?: string }) => {
    const result = await create.run(input);
    if (!result.ok) return;
    setAgreements((list) => [...(list ?? []), result.value]);
    setFocusId(result.value.id);
    onChanged?.();
  };
  const error = places.error ?? suggestions.error ?? loaded.error;

  return (
    <section className={compact ? 'agreements-editor compact' : 'agreements-editor'} aria-label={t('agreement.liveTitle')}>
      {error && <p className="error">{error}</p>}
      <div className="scope-bar">
        <SelectField
          label={t('agreement.for')}
          value={currentScope}
          onChange={setScope}
          options={scopes.map((s) => ({ value: s.value, label: count(s.value) ? `${s.name} (${count(s.value)})` : s.name }))}
        />
        <button type="button" onClick={() => add({})} disabled={!agreements || create.busy}>
          {t('agreement.new')}
        </button>
      </div>
      {suggestions.data && suggestions.data.length > 0 && (
        <div className="suggestions" role="group" aria-label={t('agreement.suggestions')}>
          <span className="hint">{t('agreement.suggestions')}</span>
          {/* The suggestions that fit who the agreement is for come first. */}
          {[...suggestions.data.filter(fits), ...suggestions.data.filter((s) => !fits(s))].map((s) => (
            <button
              key={s.id}
              type="button"
              className="chip-button"
              onClick={() => add({ suggestionId: s.id })}
              disabled={!agreements || create.busy}
            >
              {s.text}
            </button>
          ))}
        </div>
      )}
      <ErrorAlert message={create.error?.message} />
      {agreements && shown.length === 0 && <p className="muted">{t('agreement.noneFor')}</p>}
      <ol className="agreement-cards">
        {shown.map((agreement, index) => (
          <li key={agreement.id}>
            <AgreementCard
              agreement={agreement}
              number={index + 1}
              autoFocus={agreement.id === focusId}
              indicatorLabel={indicatorLabel}
              onSaved={onChanged}
              onDeleted={() => {
                setAgreements((list) => list?.filter((a) => a.id !== agreement.id));
                onChanged?.();
              }}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}

type AgreementPatch = {
  text: string;
  kind: AgreementKind;
  owner: string;
  indicator: AgreementIndicator | null;
  direction: 'down' | 'up' | null;
  target: number | null;
  evaluationDate: string;
};

interface CardProps {
  agreement: Agreement;
  number: number;
  autoFocus: boolean;
  indicatorLabel(name: AgreementIndicator): string;
  onSaved?: () => void;
  onDeleted(): void;
}

const NONE = 'none';

/** One agreement, saved field by field as it is typed. */
function AgreementCard({ agreement, number, autoFocus, indicatorLabel, onSaved, onDeleted }: CardProps) {
  const { t } = useI18n();
  const [text, setText] = useState(agreement.text);
  const [kind, setKind] = useState<AgreementKind>(agreement.kind);
  const [owner, setOwner] = useState(agreement.owner ?? '');
  const [indicator, setIndicator] = useState<string>(agreement.indicator ?? NONE);
  const [direction, setDirection] = useState<string>(agreement.direction ?? NONE);
  const [target, setTarget] = useState(agreement.target === null ? '' : String(agreement.target));
  const [evaluationDate, setEvaluationDate] = useState(agreement.evaluationDate);
  const [deleting, setDeleting] = useState(false);
  const [savedVersion, setSavedVersion] = useState(0);
  const autosave = useAutosave<AgreementPatch>(async (patch) => {
    const result = await call('agreements.save', { id: agreement.id, ...patch });
    if (result.ok) {
      setSavedVersion((n) => n + 1);
      onSaved?.();
    }
    return result;
  });
  const legendId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (autoFocus) textRef.current?.focus();
  }, [autoFocus]);

  return (
    <fieldset className="agreement-card" aria-labelledby={legendId} onBlur={() => void autosave.flush()}>
      <div className="card-head">
        <span id={legendId} className="card-title">
          {t('agreement.numbered', { n: number })}
        </span>
        <SaveStatus state={autosave.state} />
      </div>
      <TextAreaField ref={textRef} label={t('agreement.text')} value={text} rows={2} {...autosave.field('text', setText)} />
      <div className="card-grid">
        <SelectField<AgreementKind>
          label={t('agreement.kind')}
          value={kind}
          {...autosave.field('kind', (value: AgreementKind) => setKind(value))}
          options={kinds.map((k) => ({ value: k, label: t(kindKey(k)) }))}
        />
        <TextField label={t('agreement.owner')} value={owner} {...autosave.field('owner', setOwner)} />
        {/* A whole row: the indicators' names are long and must not be cut off in the narrow panel. */}
        <div className="card-wide">
          <SelectField
            label={t('agreement.indicator')}
            value={indicator}
            {...autosave.field('indicator', setIndicator, (value) => (value === NONE ? null : (value as AgreementIndicator)))}
            options={[
              { value: NONE, label: t('agreement.noIndicator') },
              ...agreementIndicators.map((name) => ({ value: name, label: indicatorLabel(name) })),
            ]}
          />
        </div>
        {indicator !== NONE && (
          <>
            <SelectField
              label={t('agreement.direction')}
              value={direction}
              {...autosave.field('direction', setDirection, (value) => (value === NONE ? null : (value as 'down' | 'up')))}
              options={[
                { value: NONE, label: t('agreement.directionNone') },
                { value: 'down', label: t('agreement.direction.down') },
                { value: 'up', label: t('agreement.direction.up') },
              ]}
            />
            <TextField
              label={t('agreement.target')}
              value={target}
              inputMode="numeric"
              {...autosave.field('target', setTarget, toOptionalNumber)}
              hint={t('agreement.targetHint')}
            />
          </>
        )}
        <DateField label={t('agreement.evaluationDate')} value={evaluationDate} {...autosave.field('evaluationDate', setEvaluationDate)} />
      </div>
      {indicator !== NONE && (
        <MeasuredBy id={agreement.id} forPharmacy={agreement.pharmacyId !== null} version={savedVersion} indicatorLabel={indicatorLabel} />
      )}
      <div className="card-actions">
        <LinkButton label={t('common.remove')} name={t('agreement.deleteNumbered', { n: number })} onClick={() => setDeleting(true)} />
      </div>
      {deleting && <DeleteAgreement id={agreement.id} text={text} onClose={() => setDeleting(false)} onDeleted={onDeleted} />}
    </fieldset>
  );
}

/**
 * What the agreement will be measured against, as stored: whose figure (a pharmacy's and the group's
 * agreements are measured on the whole group), its value now, and how the result will be judged.
 */
function MeasuredBy({
  id,
  forPharmacy,
  version,
  indicatorLabel,
}: {
  id: number;
  forPharmacy: boolean;
  version: number;
  indicatorLabel(name: AgreementIndicator): string;
}) {
  const { t, formatNumber, formatDate } = useI18n();
  const [shown, setShown] = useState<{ evaluation: Evaluation | null; goal: string | null }>();
  useEffect(() => {
    let live = true;
    void Promise.all([call('agreements.evaluate', { id }), call('agreements.get', { id })]).then(([evaluation, stored]) => {
      if (live && evaluation.ok && stored.ok) setShown({ evaluation: evaluation.value, goal: stored.value.goal });
    });
    return () => {
      live = false;
    };
  }, [id, version]);
  const evaluation = shown?.evaluation;
  if (!evaluation) return null;
  const { before } = evaluation;
  return (
    <div className="measured-by" aria-live="polite">
      <div>
        {t(
          forPharmacy
            ? 'agreement.measuredOnPharmacy'
            : evaluation.level === 'group'
              ? 'agreement.measuredOnGroup'
              : 'agreement.measuredOnPractice',
          {
            indicator: indicatorLabel(evaluation.indicator),
            who: evaluation.levelName,
          },
        )}
      </div>
      <div>
        {t('agreement.currentFigure', { period: periodLabel(before.from, before.to, formatDate), value: formatNumber(before.value) })}
        {shown.goal && ` · ${shown.goal}`}
      </div>
    </div>
  );
}

function DeleteAgreement({ id, text, onClose, onDeleted }: { id: number; text: string; onClose(): void; onDeleted(): void }) {
  const { t } = useI18n();
  const remove = useAction(() => call('agreements.delete', { id }));
  return (
    <Dialog title={t('agreement.deleteTitle')} onClose={onClose}>
      {text && <blockquote className="quote">{text}</blockquote>}
      <p>{t('delete.cannotUndo')}</p>
      <ErrorAlert message={remove.error?.message} />
      <div className="actions">
        <button type="button" className="danger" disabled={remove.busy} onClick={async () => (await remove.run()).ok && onDeleted()}>
          {t('common.remove')}
        </button>
        <button type="button" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
