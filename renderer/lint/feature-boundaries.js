import path from 'node:path';

// The renderer's layering, checked on every relative import (a regex on the import text alone
// cannot tell which feature the importing file belongs to, and a second no-restricted-imports
// entry would replace the renderer's main/db/electron one):
// - a file in features/<X>/ reaches another feature <Y> only through features/<Y>/index.ts;
// - app/ (the composition root) also uses only the features' index.ts;
// - ui/, lib/ and api/ sit below the features and import none of them.
const SRC = 'renderer/src/';
const FEATURES = `${SRC}features/`;

const featureOf = (file) => (file.startsWith(FEATURES) ? file.slice(FEATURES.length).split('/')[0] : null);

export const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Features meet only through their index.ts; ui/, lib/ and api/ import no feature.' },
    messages: {
      internals:
        "Import the feature '{{feature}}' only through its index.ts (its public face), or move a shared piece to ui/ or lib/.",
      below: 'ui/, lib/ and api/ sit below the features: move what this needs out of features/{{feature}}/.',
    },
    schema: [],
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    if (!file.startsWith(SRC)) return {};
    const own = featureOf(file);
    const inApp = file.startsWith(`${SRC}app/`);
    const check = (source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), source.value));
      const feature = featureOf(target);
      if (!feature || feature === own) return;
      if (!own && !inApp) {
        context.report({ node: source, messageId: 'below', data: { feature } });
      } else if (target !== `${FEATURES}${feature}/index.ts`) {
        context.report({ node: source, messageId: 'internals', data: { feature } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};
