import { intlLocales, resolveLocale } from '@rsp/core/locale.js';
import type { Locale } from '@rsp/core/locale.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A message: a plain string, or a function of its parameters (plurals, names, numbers). */
export type Message = string | ((...args: never[]) => string);

/** The messages of one locale, by key. */
export type Catalog = Readonly<Record<string, Message>>;

/** The same keys in every supported locale, with the same parameters. French is the reference. */
export type Catalogs<TCatalog extends Catalog> = Readonly<Record<Locale, TCatalog>>;

/** Parameters of a message: none for a string, the function's otherwise. */
export type MessageArgs<TMessage> = TMessage extends (...args: infer A) => string ? A : [];

/**
 * Declares a component's messages. English must have every French key with the
 * same parameters, so a missing translation is a type error, not a blank label.
 */
export function defineMessages<TCatalog extends Catalog>(catalogs: Catalogs<TCatalog>): Catalogs<TCatalog> {
  return catalogs;
}

/**
 * The language an element speaks: its own `lang` attribute, else the closest
 * ancestor's (crossing shadow roots), else the page's `<html lang>`. The first
 * non-empty `lang` found decides; a language RSP Kit does not speak gives French.
 */
export function languageOf(element: Element): Locale {
  let node: Element | null = element;
  while (node) {
    const owner: Element | null = node.closest('[lang]:not([lang=""])');
    if (owner) return resolveLocale(owner.getAttribute('lang'));
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return resolveLocale(document.documentElement.getAttribute('lang'));
}

type LocaleListener = () => void;
const listeners = new Set<LocaleListener>();
let observer: MutationObserver | undefined;

function watchLangChanges(listener: LocaleListener, host: Element): void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => {
      for (const notify of listeners) notify();
    });
    // One observer for the page: any `lang` change in the document re-resolves every element.
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  // Elements inside another component's shadow root are not in the document's subtree.
  if (host.getRootNode() !== document) observer.observe(host, { attributes: true, attributeFilter: ['lang'] });
}

function unwatchLangChanges(listener: LocaleListener): void {
  listeners.delete(listener);
  if (listeners.size === 0 && observer) {
    observer.disconnect();
    observer = undefined;
  }
}

/**
 * Gives an element its messages in its language and re-renders it when that
 * language changes (its `lang`, an ancestor's, or the page's).
 *
 * ```ts
 * private readonly i18n = new LocaleController(this, messages);
 * render() { return html`<button>${this.i18n.t('retry')}</button>`; }
 * ```
 */
export class LocaleController<TCatalog extends Catalog> implements ReactiveController {
  private current: Locale = 'fr';
  private readonly update = (): void => {
    const next = languageOf(this.host);
    if (next !== this.current) {
      this.current = next;
      this.host.requestUpdate();
    }
  };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly catalogs: Catalogs<TCatalog>,
  ) {
    host.addController(this);
  }

  /** The locale in use: `'fr'` or `'en'`. */
  get locale(): Locale {
    return this.current;
  }

  /** The BCP 47 tag for `Intl` formatting and for `lang` attributes of generated content. */
  get intlLocale(): string {
    return intlLocales[this.current];
  }

  hostConnected(): void {
    this.current = languageOf(this.host);
    watchLangChanges(this.update, this.host);
  }

  hostDisconnected(): void {
    unwatchLangChanges(this.update);
  }

  /** The message `key` in the element's language, with its parameters. */
  t<K extends keyof TCatalog & string>(key: K, ...args: MessageArgs<TCatalog[K]>): string {
    const message: Message | undefined = this.catalogs[this.current][key];
    if (message === undefined) return key;
    return typeof message === 'function' ? (message as (...a: unknown[]) => string)(...args) : message;
  }

  /** A number written the local way (`1 234,5` in French, `1,234.5` in English). */
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.intlLocale, options).format(value);
  }

  /** A date or time written the local way, in Europe/Paris time unless told otherwise. */
  formatDate(value: Date | number, options: Intl.DateTimeFormatOptions = {}): string {
    return new Intl.DateTimeFormat(this.intlLocale, { timeZone: 'Europe/Paris', ...options }).format(value);
  }
}
