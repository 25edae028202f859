/** A custom element class that says which version of RSP Kit it comes from. */
export type VersionedElementConstructor = CustomElementConstructor & { readonly rspVersion?: string };

/**
 * Registers a custom element, safely when several copies of RSP Kit share a
 * page (a department portal and an agency widget, each with its own bundle).
 *
 * - tag free: defines it and returns `true`;
 * - tag already defined by this very class: does nothing, returns `false`;
 * - tag already defined by another class (another copy or version): warns on
 *   the console, naming both versions, keeps the first definition and returns
 *   `false` instead of throwing as `customElements.define` would.
 */
export function defineElement(
  tag: string,
  constructor: VersionedElementConstructor,
  registry: CustomElementRegistry = customElements,
): boolean {
  const existing = registry.get(tag) as VersionedElementConstructor | undefined;
  if (existing === undefined) {
    registry.define(tag, constructor);
    return true;
  }
  if (existing !== constructor) {
    console.warn(
      `[RSP Kit] <${tag}> is already defined (version ${existing.rspVersion ?? 'unknown'}); ` +
        `this copy (version ${constructor.rspVersion ?? 'unknown'}) was not registered. ` +
        'Load RSP Kit once per page to avoid this.',
    );
  }
  return false;
}
