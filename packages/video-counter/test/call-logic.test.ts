import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LinkQuality, judgeSample } from '../src/call/quality.js';
import type { StatsSample } from '../src/call/quality.js';
import { Incoming, checkFile, sha256Hex } from '../src/call/transfer.js';
import { parseWire, safeLink } from '../src/call/wire.js';
import { deviceProblemOf } from '../src/call/media.js';

const sample = (packetsReceived: number, packetsLost: number, rtt?: number, bitrate?: number): StatsSample => ({
  packetsReceived,
  packetsLost,
  rttSeconds: rtt,
  outgoingBitrate: bitrate,
});

describe('the poor-link heuristic', () => {
  it('judges an interval by its loss, round-trip time and outgoing bitrate', () => {
    assert.equal(judgeSample(sample(1000, 0), sample(2000, 5, 0.05, 1_000_000)), 'good');
    // 100 lost of 1,100 in the interval: 9 %.
    assert.equal(judgeSample(sample(1000, 0), sample(2000, 100, 0.05)), 'poor');
    assert.equal(judgeSample(undefined, sample(1000, 0, 0.7)), 'poor');
    assert.equal(judgeSample(undefined, sample(1000, 0, 0.05, 100_000)), 'poor');
    // 5 % loss: neither.
    assert.equal(judgeSample(sample(0, 0), sample(950, 50, 0.1)), 'fair');
  });

  it('goes audio only after two poor samples and back after five good ones, not on one blip', () => {
    const link = new LinkQuality();
    let received = 0;
    let lost = 0;
    const push = (r: number, l: number, rtt = 0.05): boolean | undefined => {
      received += r;
      lost += l;
      return link.push(sample(received, lost, rtt));
    };
    assert.equal(push(500, 0), undefined);
    assert.equal(push(500, 100), undefined, 'one poor sample changes nothing');
    assert.equal(push(500, 0), undefined);
    assert.equal(push(500, 100), undefined);
    assert.equal(push(500, 100), true, 'two in a row: audio only');
    assert.equal(link.audioOnly, true);
    for (let i = 0; i < 4; i++) assert.equal(push(500, 0), undefined);
    assert.equal(push(500, 0), false, 'five good in a row: video back');
    assert.equal(link.audioOnly, false);
  });
});

describe('documents', () => {
  const limits = { maxBytes: 1000, types: ['application/pdf', 'image/png'] };
  it('checks size and type', () => {
    assert.equal(checkFile({ size: 10, type: 'application/pdf' }, limits), undefined);
    assert.equal(checkFile({ size: 1001, type: 'application/pdf' }, limits), 'tooBig');
    assert.equal(checkFile({ size: 10, type: 'text/html' }, limits), 'type');
    assert.equal(checkFile({ size: 0, type: 'image/png' }, limits), 'empty');
  });

  it('reassembles frames and verifies the SHA-256; a changed byte or a missing frame fails', async () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
    const sha = await sha256Hex(bytes.buffer);
    const good = new Incoming('a', 'scan.pdf', 'application/pdf', bytes.length, sha);
    for (let i = 0; i < bytes.length; i += 65536) assert.equal(good.add(bytes.slice(i, i + 65536).buffer), true);
    assert.deepEqual((await good.finish()).checksumOk, true);

    const tampered = bytes.slice();
    tampered[1234] = (tampered[1234] ?? 0) ^ 1;
    const bad = new Incoming('b', 'scan.pdf', 'application/pdf', bytes.length, sha);
    bad.add(tampered.buffer);
    assert.equal((await bad.finish()).checksumOk, false);

    const short = new Incoming('c', 'scan.pdf', 'application/pdf', bytes.length, sha);
    short.add(bytes.slice(0, 1000).buffer);
    assert.equal((await short.finish()).checksumOk, false);

    const over = new Incoming('d', 'scan.pdf', 'application/pdf', 10, sha);
    assert.equal(over.add(new ArrayBuffer(11)), false, 'more bytes than announced are refused');
  });
});

describe('the wire protocol', () => {
  it('accepts only well-formed messages', () => {
    assert.deepEqual(parseWire('{"t":"chat","id":"abc","text":"Bonjour"}'), { t: 'chat', id: 'abc', text: 'Bonjour' });
    assert.equal(parseWire('{"t":"chat","id":"abc","text":"   "}'), undefined);
    assert.equal(parseWire('{"t":"chat","id":"<b>","text":"x"}'), undefined);
    assert.equal(parseWire(`{"t":"chat","id":"a","text":"${'x'.repeat(2001)}"}`), undefined);
    assert.equal(parseWire('not json'), undefined);
    assert.equal(parseWire('{"t":"eval","code":"alert(1)"}'), undefined);
    assert.equal(parseWire('{"t":"file-start","id":"f","name":"a.pdf","type":"application/pdf","size":-1,"sha256":"' + '0'.repeat(64) + '"}'), undefined);
    assert.deepEqual(parseWire('{"t":"file-ack","id":"f","ok":true}'), { t: 'file-ack', id: 'f', ok: true });
  });

  it('keeps only http and https links, without credentials', () => {
    assert.equal(safeLink('https://www.caf.fr/allocataires'), 'https://www.caf.fr/allocataires');
    assert.equal(safeLink('javascript:alert(1)'), undefined);
    assert.equal(safeLink('data:text/html,<script>alert(1)</script>'), undefined);
    assert.equal(safeLink('https://user:pass@evil.example/'), undefined);
    assert.equal(safeLink('/relative'), undefined);
    assert.equal(parseWire('{"t":"link","id":"l","url":"javascript:alert(1)","label":"x"}'), undefined);
    assert.deepEqual(parseWire('{"t":"link","id":"l","url":"https://caf.fr","label":"CAF"}'), { t: 'link', id: 'l', url: 'https://caf.fr/', label: 'CAF' });
  });
});

describe('device failures', () => {
  it('names each getUserMedia failure', () => {
    const named = (name: string): Error => Object.assign(new Error(name), { name });
    assert.equal(deviceProblemOf(named('NotAllowedError')), 'denied');
    assert.equal(deviceProblemOf(named('NotFoundError')), 'notFound');
    assert.equal(deviceProblemOf(named('NotReadableError')), 'busy');
    assert.equal(deviceProblemOf(named('OverconstrainedError')), 'constraints');
    assert.equal(deviceProblemOf(named('SomethingElse')), 'other');
  });
});
