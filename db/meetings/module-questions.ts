import fs from 'node:fs';
import path from 'node:path';
import { parseModule } from '../../slides/module';

/**
 * The case questions of a module by their id: `<case slide id>-<question number>`, e.g. 'casus-1'
 * for the first question of the slide with id 'casus'. The core accepts any non-empty id; this
 * only gives the report the question's text where the module files can be found.
 */
export function moduleQuestions(module: string): Map<string, string> {
  const questions = new Map<string, string>();
  const dir = moduleDirs(module).find((candidate) => fs.existsSync(candidate));
  if (!dir) return questions;
  try {
    const files = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
    for (const slide of parseModule(files)) {
      (slide.questions ?? []).forEach((text, index) => questions.set(`${slide.id}-${index + 1}`, text));
    }
  } catch {
    // A module file that does not parse leaves the report with the question ids; the deck reports the error.
  }
  return questions;
}

function moduleDirs(module: string): string[] {
  const roots = [process.env.FTO_MODULES_DIR, path.resolve('slides/modules'), typeof __dirname === 'string' ? path.resolve(__dirname, '../../slides/modules') : undefined];
  return roots.filter((root): root is string => typeof root === 'string').map((root) => path.join(root, module));
}
