// @ts-check
// custom-elements.json from the widgets' JSDoc: npx cem analyze --config custom-elements-manifest.config.mjs
// (JavaScript because the analyzer loads its config as a module; type-checked by scripts/tsconfig.json.)

/**
 * Events come only from `@fires` JSDoc: the widgets dispatch through a generic `emit(name, detail)`
 * helper, which the analyzer would otherwise list as an event called `name`.
 * Internal reactive state (`static properties` entries with `state: true`, private fields) is not an
 * attribute: the Lit plugin does not read `state: true`, so drop attributes of private fields.
 */
/**
 * The schema's CustomElementDeclaration leaves out the custom-element fields, so a class is read as either.
 * @typedef {import('custom-elements-manifest/schema').ClassDeclaration & Partial<import('custom-elements-manifest/schema').CustomElement>} ClassOrElement
 * @typedef {import('custom-elements-manifest/schema').ClassMember & { attribute?: string }} Member
 */

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function sendWidgetsManifest() {
  return {
    name: 'send-widgets-manifest',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const classLike of module.declarations ?? []) {
          if (classLike.kind !== 'class') continue;
          const declaration = /** @type {ClassOrElement} */ (classLike);
          if (declaration.events) {
            declaration.events = declaration.events.filter((event) => event.description);
            if (!declaration.events.length) delete declaration.events;
          }
          /** @type {Set<string | undefined>} */
          const internal = new Set((declaration.members ?? []).filter((member) => member.privacy && member.privacy !== 'public').map((member) => member.name));
          if (declaration.attributes) {
            declaration.attributes = declaration.attributes.filter((attribute) => !internal.has(attribute.fieldName));
            if (!declaration.attributes.length) delete declaration.attributes;
          }
          for (const member of /** @type {Member[]} */ (declaration.members ?? [])) if (internal.has(member.name)) delete member.attribute;
        }
      }
    },
  };
}

export default {
  globs: ['widgets/**/*.ts'],
  exclude: ['widgets/**/test/**', 'widgets/fixtures/**', 'widgets/gallery/**'],
  outdir: 'dist/esm',
  litelement: true,
  plugins: [sendWidgetsManifest()],
};
