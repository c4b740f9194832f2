import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { call, get } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useAction, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { AddSlideDialog } from './AddSlideDialog';
import { DeckExports } from './DeckExports';
import { DeckPresenter } from './DeckPresenter';
import { useHistory } from './history';
import { kindKey, type DeckSlide } from './model';
import { slideSize, splitSections } from './shadow';
import { SlideForm, type SlideText } from './SlideForm';
import { SlideFrame } from './SlideFrame';
import { SlideList } from './SlideList';
import './deck.css';
import { ErrorAlert } from '../../components/ErrorAlert';

type Confirm = { kind: 'reset' | 'delete'; slide: DeckSlide };

/**
 * The meeting's deck to prepare: the slides in order with their marks, the chosen slide's text and notes
 * (saved while typing) beside a preview as it will be shown, moving, hiding, resetting, own slides,
 * presenting and the three exports.
 */
export function DeckEditor({ meetingId }: { meetingId: number }) {
  const { t } = useI18n();
  const outline = useLoad(() => get('deck.get', { meetingId }), [meetingId]);
  const presentation = useLoad(() => get('deck.presentation', { meetingId }), [meetingId]);
  const [selectedId, setSelectedId] = useState<string>();
  const [formGeneration, setFormGeneration] = useState(0);
  const [adding, setAdding] = useState(false);
  const [confirm, setConfirm] = useState<Confirm>();
  const [presenting, setPresenting] = useState(false);
  const remountForm = useRef(false);
  const presentButton = useRef<HTMLButtonElement>(null);
  const stopPresenting = () => {
    setPresenting(false);
    // Back to where presenting began.
    requestAnimationFrame(() => presentButton.current?.focus());
  };
  const { reload: reloadOutline } = outline;
  const { reload: reloadPresentation } = presentation;
  const refresh = useCallback(() => {
    reloadOutline();
    reloadPresentation();
  }, [reloadOutline, reloadPresentation]);

  const history = useHistory(!presenting && !adding && !confirm);
  const [historyError, setHistoryError] = useState<string>();
  /** After an undo or redo: that slide chosen, its form filled again from the saved deck. */
  const showChanged = (slideId: string) => {
    setSelectedId(slideId);
    remountForm.current = true;
    refresh();
  };
  const saved = (slideId: string) => (result: { ok: true } | { ok: false; error: { message: string } }) => {
    setHistoryError(result.ok ? undefined : result.error.message);
    if (result.ok) showChanged(slideId);
    return result.ok;
  };
  const editTo = async (slideId: string, values: Partial<SlideText>) =>
    saved(slideId)(await call('deck.editSlide', { meetingId, slideId, ...values }));
  const reorderTo = async (order: string[], slideId: string) => saved(slideId)(await call('deck.reorder', { meetingId, order }));
  const resetTo = async (slideId: string) => saved(slideId)(await call('deck.resetSlide', { meetingId, slideId }));

  const slides = outline.data?.slides ?? [];
  const selected = slides.find((slide) => slide.id === selectedId) ?? slides[0];
  const previews = useMemo(
    () => new Map(splitSections(presentation.data?.sectionsHtml ?? '').map((section) => [section.dataset.id, section.outerHTML])),
    [presentation.data],
  );

  // After a reset the form starts again from the module's text, once the deck with that text has arrived.
  useEffect(() => {
    if (!remountForm.current) return;
    remountForm.current = false;
    setFormGeneration((n) => n + 1);
  }, [outline.data]);

  const move = useAction((order: string[]) => call('deck.reorder', { meetingId, order }));
  const onMove = async (id: string, step: -1 | 1) => {
    const order = slides.map((slide) => slide.id);
    const from = order.indexOf(id);
    const to = from + step;
    if (move.busy || from < 0 || to < 0 || to >= order.length) return;
    const before = [...order];
    [order[from], order[to]] = [order[to]!, order[from]!];
    setSelectedId(id);
    if (!(await move.run(order)).ok) return;
    history.record({ undo: () => reorderTo(before, id), redo: () => reorderTo(order, id) });
    refresh();
  };

  const change = useAction((action: Confirm) =>
    action.kind === 'reset'
      ? call('deck.resetSlide', { meetingId, slideId: action.slide.id })
      : call('deck.deleteSlide', { meetingId, slideId: action.slide.id }),
  );
  const ask = (action: Confirm) => {
    change.clear();
    setConfirm(action);
  };
  const runConfirmed = async () => {
    if (!confirm || !(await change.run(confirm)).ok) return;
    if (confirm.kind === 'reset') {
      remountForm.current = true;
      const { id, title, body, notes, hidden } = confirm.slide;
      history.record({ undo: () => editTo(id, { title, body, notes, hidden }), redo: () => resetTo(id) });
    } else {
      const index = slides.findIndex((slide) => slide.id === confirm.slide.id);
      setSelectedId((slides[index + 1] ?? slides[index - 1])?.id);
    }
    setConfirm(undefined);
    refresh();
  };

  if (outline.error) return <p className="error">{outline.error}</p>;
  if (!outline.data) return <p className="muted">{t('common.loading')}</p>;
  const index = selected ? slides.indexOf(selected) : -1;
  const preview = selected && previews.get(selected.id);

  return (
    <div className="deck-editor">
      <div className="deck-toolbar">
        <button type="button" className="primary" ref={presentButton} onClick={() => setPresenting(true)}>
          {t('deck.present')}
        </button>
        <button type="button" onClick={() => setAdding(true)}>
          {t('deck.add')}
        </button>
        <button type="button" onClick={() => void history.undo()} disabled={!history.canUndo} title="Ctrl+Z">
          {t('deck.undo')}
        </button>
        <button type="button" onClick={() => void history.redo()} disabled={!history.canRedo} title="Ctrl+Shift+Z">
          {t('deck.redo')}
        </button>
        <DeckExports meetingId={meetingId} />
      </div>
      <ErrorAlert message={historyError} />
      <ErrorAlert message={move.error?.message} />
      <div className="deck-columns">
        <div className="deck-nav">
          <SlideList slides={slides} selectedId={selected?.id} onSelect={setSelectedId} onMove={onMove} />
          <p className="hint">{t('deck.listHint')}</p>
        </div>
        {selected && (
          <section className="deck-slide panel" aria-labelledby="deck-slide-heading">
            <div className="deck-slide-head">
              <h2 id="deck-slide-heading">{t('deck.slideHeading', { index: index + 1, kind: t(kindKey(selected.kind)) })}</h2>
              <div className="actions">
                <button type="button" onClick={() => onMove(selected.id, -1)} disabled={index === 0 || move.busy}>
                  {t('deck.moveUp')}
                </button>
                <button type="button" onClick={() => onMove(selected.id, 1)} disabled={index === slides.length - 1 || move.busy}>
                  {t('deck.moveDown')}
                </button>
                {selected.origin !== 'own' && (
                  <button type="button" onClick={() => ask({ kind: 'reset', slide: selected })} disabled={!selected.edited}>
                    {t('deck.reset')}
                  </button>
                )}
                {selected.origin === 'own' && (
                  <button type="button" className="danger" onClick={() => ask({ kind: 'delete', slide: selected })}>
                    {t('deck.delete')}
                  </button>
                )}
              </div>
            </div>
            <div className="deck-slide-body">
              <SlideForm
                key={`${selected.id}:${formGeneration}`}
                meetingId={meetingId}
                slide={selected}
                onSaved={refresh}
                onCommit={(before, after) => {
                  const id = selected.id;
                  history.record({ undo: () => editTo(id, before), redo: () => editTo(id, after) });
                }}
              />
              <div className="deck-preview">
                <h3>{t('deck.preview')}</h3>
                {selected.incomplete && <p className="hint">{t('deck.incompleteHint')}</p>}
                {presentation.error && <p className="error">{presentation.error}</p>}
                {presentation.data && preview && (
                  <SlideFrame
                    css={presentation.data.css}
                    html={preview}
                    size={slideSize(presentation.data.config)}
                    label={t('deck.previewLabel', { name: selected.title })}
                  />
                )}
                {presentation.data && !preview && <p className="deck-preview-hidden">{t('deck.previewHidden')}</p>}
              </div>
            </div>
          </section>
        )}
      </div>

      {adding && (
        <AddSlideDialog
          meetingId={meetingId}
          after={selected ?? null}
          onClose={() => setAdding(false)}
          onAdded={(id) => {
            setAdding(false);
            setSelectedId(id);
            refresh();
          }}
        />
      )}
      {confirm && (
        <Dialog
          title={t(confirm.kind === 'reset' ? 'deck.resetTitle' : 'deck.deleteTitle', { name: confirm.slide.title })}
          onClose={() => setConfirm(undefined)}
        >
          <p>{t(confirm.kind === 'reset' ? 'deck.resetText' : 'deck.deleteText')}</p>
          <ErrorAlert message={change.error?.message} />
          <div className="actions">
            <button
              type="button"
              className={confirm.kind === 'delete' ? 'danger' : 'primary'}
              onClick={runConfirmed}
              disabled={change.busy}
            >
              {t(confirm.kind === 'reset' ? 'deck.reset' : 'deck.delete')}
            </button>
            <button type="button" onClick={() => setConfirm(undefined)} autoFocus>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      )}
      {presenting && (
        <div className="deck-overlay">
          <DeckPresenter meetingId={meetingId} autoFocus startAt={selected?.id} onClose={stopPresenting} />
        </div>
      )}
    </div>
  );
}
