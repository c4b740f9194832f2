// The deck engine's public face for the core, the CLI and the app. Pure: no database, Electron or React.
// Node-only extras live beside it: module-fs.ts (read a module folder) and pdf.ts (print with Chromium).
export * from './data';
export * from './model';
export { OME_FACTOR_UNIT, omeFactorLines, omeFactorSource, type OmeFactorRow, type OmeFactorTable } from './ome';
export { buildDeck, visibleSlides, type BuildDeckInput } from './build';
export { deckParts, deckToHtml, deckSubtitle, SLIDE_HEIGHT, SLIDE_WIDTH, type HtmlOptions } from './html';
export { deckToPptx } from './pptx';
export { deckFileName, formatNumber, formatDate, formatDay, incompleteEndMark, periodLabel } from './format';
export { chartToSvg } from './charts';
export { seriesColor } from './theme';
export { parseModule, parseModuleFile, GENERATED_BLOCKS, type ModuleSlide, type ModuleFile, type GeneratedBlock } from './module';
export { opioidModule } from './modules';
