import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineElement } from '../src/define.js';
import { RspElement } from '../src/rsp-element.js';
import { version } from '../src/version.js';

function captureWarnings(run: () => void): string[] {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    run();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('defineElement', () => {
  it('defines a free tag and returns true', () => {
    class First extends LitElement {}
    expect(defineElement('rsp-test-free', First)).to.equal(true);
    expect(customElements.get('rsp-test-free')).to.equal(First);
  });

  it('warns instead of throwing when another copy defines the same tag, and keeps the first', () => {
    class OldCopy extends LitElement {
      static readonly rspVersion = '0.0.9';
    }
    class NewCopy extends LitElement {
      static readonly rspVersion = '9.9.9';
    }
    defineElement('rsp-test-twice', OldCopy);
    let result: boolean | undefined;
    const warnings = captureWarnings(() => {
      result = defineElement('rsp-test-twice', NewCopy);
    });
    expect(result).to.equal(false);
    expect(customElements.get('rsp-test-twice')).to.equal(OldCopy);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<rsp-test-twice>').and.contain('0.0.9').and.contain('9.9.9');
  });

  it('is silent when the same class is defined again', () => {
    class Same extends LitElement {}
    defineElement('rsp-test-same', Same);
    const warnings = captureWarnings(() => expect(defineElement('rsp-test-same', Same)).to.equal(false));
    expect(warnings).to.deep.equal([]);
  });

  it('lets the native registry still reject a bad tag name', () => {
    class Bad extends LitElement {}
    expect(() => defineElement('notatag', Bad)).to.throw();
  });
});

describe('RspElement.define', () => {
  it('registers a subclass and reports this package version on conflict', () => {
    class Widget extends RspElement {}
    class OtherWidget extends RspElement {}
    expect(Widget.define('rsp-test-widget')).to.equal(true);
    const warnings = captureWarnings(() => OtherWidget.define('rsp-test-widget'));
    expect(warnings[0]).to.contain(`version ${version}`);
    expect(document.createElement('rsp-test-widget')).to.be.instanceOf(Widget);
  });
});
