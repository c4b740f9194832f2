import { useState } from 'react';
import { call } from '../../api';
import { saveBase64 } from '../../download';
import { useAction } from '../../hooks';
import { useI18n } from '../../i18n';

const formats = [
  { format: 'html', label: 'HTML' },
  { format: 'pdf', label: 'PDF' },
  { format: 'pptx', label: 'PowerPoint' },
] as const;
type Format = (typeof formats)[number]['format'];

/** The deck as a file: one offline .html, a PDF, or a .pptx to finish in PowerPoint. The core names the file. */
export function DeckExports({ meetingId }: { meetingId: number }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<Format>();
  const [saved, setSaved] = useState<string>();
  // A text still being typed was saved when its field lost the focus to this button.
  const exporter = useAction((format: Format) => call('deck.export', { meetingId, format }));
  const run = async (format: Format, label: string) => {
    setBusy(format);
    setSaved(undefined);
    const result = await exporter.run(format);
    setBusy(undefined);
    if (!result.ok) return;
    saveBase64(result.value.fileName, result.value.base64, result.value.mimeType);
    setSaved(t('deck.exported', { format: label, file: result.value.fileName }));
  };
  return (
    <div className="deck-exports" role="group" aria-label={t('deck.export')}>
      <span className="field-label">{t('deck.export')}</span>
      {formats.map(({ format, label }) => (
        <button key={format} type="button" onClick={() => run(format, label)} disabled={busy !== undefined}>
          {busy === format ? t('deck.exportBusy', { format: label }) : label}
        </button>
      ))}
      <span aria-live="polite">
        {saved && <span className="success">{saved}</span>}
        {exporter.error && <span className="error">{exporter.error.message}</span>}
      </span>
    </div>
  );
}
