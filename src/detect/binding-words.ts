// The words the JavaScript/TypeScript AST pass's cheap gate starts from (src/detect/ast-pass.ts).
// They ride in the prefilter automaton like the layer pass's triggers, so the gate visits their
// hits instead of searching the whole text again.
export const BINDING_WORDS = [
  'key',
  'token',
  'secret',
  'pass',
  'pwd',
  'auth',
  'credential',
  'bearer',
  'login',
  'signin',
  'connect',
  'client',
] as const;
