import type { ModuleSlide } from '../../slides/module';
import { opioidModule } from '../../slides/modules';
import { parseMarkdown } from '../../slides/markdown';

/** The built-in modules by the name a meeting stores. */
const modules: Record<string, () => ModuleSlide[]> = { opioiden: opioidModule };

/**
 * The case questions of a module by their id: `<case slide id>-<question number>`, e.g. 'casus-1'
 * for the first question of the slide with id 'casus'. The core accepts any non-empty id; an
 * unknown module leaves the report with the bare ids.
 */
export function moduleQuestions(module: string): Map<string, string> {
  const questions = new Map<string, string>();
  for (const slide of modules[module]?.() ?? []) {
    (slide.questions ?? []).forEach((text, index) => questions.set(`${slide.id}-${index + 1}`, text));
  }
  return questions;
}

/** The module's learning objectives: the items of its "leerdoelen" slide, as plain text. */
export function moduleObjectives(module: string): string[] {
  const slide = modules[module]?.().find((s) => s.id === 'leerdoelen');
  return parseMarkdown(slide?.body ?? '').flatMap((block) =>
    block.type === 'list' ? block.items.map((item) => item.runs.map((run) => run.text).join('')) : [],
  );
}
