// Controls and docs of every story come from the Custom Elements Manifests of
// the element packages (packages/*/custom-elements.json, generated from the
// components' JSDoc by scripts/cem.mjs, which main.ts runs first).
import { setCustomElementsManifest } from '@storybook/web-components';
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';

/** The parts of a Custom Elements Manifest this file reads. */
interface Named {
  name: string;
}
interface Member extends Named {
  privacy?: string;
  static?: boolean;
}
interface Declaration extends Named {
  tagName?: string;
  members?: Member[];
  attributes?: (Named & { fieldName?: string })[];
  cssParts?: Named[];
}
interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: Declaration[] }[];
}

// A glob rather than a JSON import: the manifests are generated, and
// `tsc -b` runs before they exist in a fresh clone.
const manifests = Object.values(
  import.meta.glob<Manifest>('../packages/*/custom-elements.json', { eager: true, import: 'default' }),
);

/**
 * Storybook turns every member, attribute, part… of an element into an arg
 * named after it. Keep the public API only (no private, protected or static
 * members, no property already listed as its attribute: `actionLabel` is
 * `action-label`), and name parts `::part(heading)` so that they do not
 * replace the attribute of the same name.
 */
function forStorybook(declaration: Declaration): Declaration {
  if (!declaration.tagName) return declaration;
  const reflected = new Set((declaration.attributes ?? []).map((attribute) => attribute.fieldName));
  return {
    ...declaration,
    members: (declaration.members ?? []).filter(
      (member) => !member.static && (member.privacy ?? 'public') === 'public' && !reflected.has(member.name),
    ),
    cssParts: (declaration.cssParts ?? []).map((part) => ({ ...part, name: `::part(${part.name})` })),
  };
}

setCustomElementsManifest({
  schemaVersion: manifests[0]?.schemaVersion ?? '1.0.0',
  modules: manifests.flatMap((manifest) =>
    manifest.modules.map((module) => ({ ...module, declarations: (module.declarations ?? []).map(forStorybook) })),
  ),
} satisfies Manifest);

type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];

/** Rows documented from the manifest that are not inputs of the element. */
const withoutControl = new Set(['events', 'css shadow parts', 'css custom properties']);
const literalUnion = /^\s*'[^']*'(\s*\|\s*'[^']*')*\s*$/;

/**
 * An attribute typed with a union of string literals in the manifest
 * (`'info' | 'success' | …`, written out by scripts/cem.mjs) gets a control
 * offering exactly those values; events, parts and custom properties get none.
 */
const manifestControls: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      if (withoutControl.has(String(argType.table?.category))) return [name, { ...argType, control: false }];
      const type: unknown = typeof argType.type === 'string' ? argType.type : argType.type?.name;
      if (typeof type !== 'string' || !literalUnion.test(type)) return [name, argType];
      const values = [...type.matchAll(/'([^']*)'/g)].map((match) => match[1] ?? '');
      return [name, { ...argType, type: { name: 'enum', value: values } }];
    }),
  );

/**
 * The widgets speak the language of the page (`<html lang>`, or the closest
 * `lang` ancestor), chosen in the toolbar or by a story's `globals`. Each story
 * gets it on its own root, since a docs page shows several stories at once;
 * a story shown alone also sets it on the document, as a host page would (and
 * the accessibility checks then know the language of the text).
 */
const withLanguage: Decorator = (story, context) => {
  const lang = String(context.globals.lang ?? 'fr');
  if (context.viewMode === 'story') document.documentElement.lang = lang;
  return html`<div lang=${lang}>${story()}</div>`;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withLanguage],
  argTypesEnhancers: [manifestControls],
  globalTypes: {
    lang: {
      description: 'Langue de la page',
      toolbar: {
        title: 'Langue',
        icon: 'globe',
        items: [
          { value: 'fr', right: 'fr', title: 'Français' },
          { value: 'en', right: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'fr' },
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
