// Entry of the parser thread of a large import (see pipeline.ts). From the sources it registers tsx
// first; a bundled build compiles parse-worker-main.ts and points FTO_PARSE_WORKER at the result.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker-main.ts');
