import { parseModule, type ModuleSlide } from '../module';
import { files as opioiden } from './opioiden.generated';

// The built-in modules, bundled as text (see generate.ts) so that Node and browser bundles load them alike.

let opioidSlides: ModuleSlide[] | undefined;

/** The built-in module "Opioïden", parsed once. */
export function opioidModule(): ModuleSlide[] {
  opioidSlides ??= parseModule(opioiden);
  return opioidSlides;
}
