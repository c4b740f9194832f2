import type { CoreServices } from './handler';
import { IMPORT_WORKER_BESIDE } from './import/worker-url';
import { chromiumPdfRenderer } from './reports/pdf';

/** The services of a core in plain Node (the CLI, the browser shell, tests): PDFs by headless Chromium. */
export function nodeServices(): CoreServices {
  return { renderPdf: chromiumPdfRenderer(), importWorker: IMPORT_WORKER_BESIDE };
}
