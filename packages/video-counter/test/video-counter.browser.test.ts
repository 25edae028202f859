// Two real peers in one page — <rsp-video-desk> and <rsp-video-counter> —
// through the REAL RSP Kit server (tickets, desk, admit, session end) and its
// REAL PeerJS signalling server over loopback, in Chromium with its fake
// camera and microphone (scripts/chromium.mjs). Media and documents go
// browser to browser over WebRTC.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RspVideoCounter } from '../src/index.js';

const next = <K extends keyof GlobalEventHandlersEventMap>(el: EventTarget, type: K) => oneEvent<GlobalEventHandlersEventMap[K]>(el, type);
import type { RspDocumentProgressEvent } from '../src/index.js';
import { server } from './support/commands.js';
import { $, $$, chat, checkDevices, chooseFiles, clickText, connect, joinQueue, must, openDesk, pair, randomBytes, remoteFrame, sha256, stepOf, waitStep } from './support/helpers.js';

describe('<rsp-video-counter> and <rsp-video-desk> through the real server', function () {
  this.timeout(60000);

  it('queues, admits, and connects media both ways, each state accessible', async () => {
    const { desk, counter } = await pair();
    await expect(desk).to.be.accessible();
    await expect(counter).to.be.accessible();
    await openDesk(desk);
    await expect(desk).to.be.accessible();
    expect($(desk, '[part~="status"]')?.textContent).to.contain('Personne n’attend');

    const joined = next(counter, 'rsp-queue-join');
    await checkDevices(counter);
    await expect(counter).to.be.accessible();
    await clickText(counter, 'Rejoindre la file d’attente');
    const join = await joined;
    expect(join.detail.position).to.equal(0);
    expect(join.detail.agencyId).to.equal('caf');
    await waitStep(counter, 'queue');
    expect(must(counter, '[part~="position"]').textContent).to.equal('Vous êtes le prochain.');
    await expect(counter).to.be.accessible();

    // The desk's queue shows the caller's site and motif (polled every second here).
    await waitUntil(() => $$(desk, '[part~="queue-entry"]').length === 1, 'caller not in the queue', { timeout: 10000 });
    await waitUntil(() => $(desk, '[part~="site"]')?.textContent === 'Relais Services Publics de Gramat', 'site name not shown');
    expect(must(desk, '[part~="motif"]').textContent).to.equal('non précisé');
    expect((await server.tickets()).map((t) => t.status)).to.deep.equal(['waiting']);

    const deskStart = next(desk, 'rsp-call-start');
    const counterStart = next(counter, 'rsp-call-start');
    await clickText(desk, 'Prendre l’appel suivant');
    const [d, c] = await Promise.all([deskStart, counterStart]);
    expect(d.detail.sessionId).to.be.a('string');
    expect(c.detail.ticketId).to.equal(join.detail.ticketId);
    // A real decoded frame from the other side's fake camera, both ways.
    const deskVideo = await remoteFrame(desk);
    const counterVideo = await remoteFrame(counter);
    expect(deskVideo.videoWidth).to.be.greaterThan(0);
    expect(counterVideo.videoWidth).to.be.greaterThan(0);
    expect((deskVideo.srcObject as MediaStream).getAudioTracks()).to.have.length(1);
    expect((await server.tickets())[0]?.status).to.equal('admitted');
    await expect(desk).to.be.accessible();
    await expect(counter).to.be.accessible();

    // Mute and camera off are told to the other side.
    await clickText(counter, 'Couper le micro');
    expect(must(counter, '[part~="mute"]').getAttribute('aria-pressed')).to.equal('true');
    await waitUntil(() => $$(desk, '[part~="remote-state"]').some((p) => p.textContent === 'Votre interlocuteur a coupé son micro.'), 'mute not told');
    await clickText(counter, 'Rétablir le micro');

    // The agent hangs up, chooses an outcome, and the session is recorded as ended with it.
    const ended = next(counter, 'rsp-call-end');
    await clickText(desk, 'Raccrocher');
    expect((await ended).detail.reason).to.equal('remote');
    await waitStep(desk, 'outcome');
    await expect(desk).to.be.accessible();
    await waitStep(counter, 'ended');
    await expect(counter).to.be.accessible();
    must<HTMLInputElement>(desk, 'input[name="outcome"][value="follow-up-appointment"]').click();
    await desk.updateComplete;
    const deskEnd = next(desk, 'rsp-call-end');
    await clickText(desk, 'Enregistrer et revenir à la file');
    expect((await deskEnd).detail.outcome).to.equal('follow-up-appointment');
    await waitStep(desk, 'queue');
    const [session] = await server.sessions();
    expect(session?.outcome).to.equal('follow-up-appointment');
    expect(session?.endedAt).to.be.a('string');
  });

  it('chats both ways, rendering hostile text as text', async () => {
    const { desk, counter } = await pair();
    await connect(desk, counter);
    const hostile = '<img src=x onerror="window.__rspPwned=1"> Bonjour';
    const received = next(desk, 'rsp-chat-message');
    await chat(counter, hostile);
    expect((await received).detail).to.deep.equal({ from: 'remote', text: hostile });
    await waitUntil(() => $$(desk, '[part~="chat-text"]').length === 1);
    expect(must(desk, '[part~="chat-text"]').textContent).to.equal(hostile);
    expect($(desk, '[part~="chat-log"] img')).to.equal(null);
    await chat(desk, 'Je vois votre dossier.');
    await waitUntil(() => $$(counter, '[part~="chat-text"]').length === 2, 'reply not shown');
    expect($$(counter, '[part~="chat-text"]').map((e) => e.textContent)).to.deep.equal([hostile, 'Je vois votre dossier.']);
    expect((window as { __rspPwned?: number }).__rspPwned).to.equal(undefined);
    await expect(counter).to.be.accessible();
  });

  it('sends a 5 MB document intact, with progress events and the checksum verified on arrival', async () => {
    const { desk, counter } = await pair();
    await connect(desk, counter);
    const bytes = randomBytes(5_000_000);
    const expected = await sha256(bytes);
    const progress: RspDocumentProgressEvent['detail'][] = [];
    desk.addEventListener('rsp-document-progress', (e) => progress.push(e.detail));
    const sendProgress: number[] = [];
    counter.addEventListener('rsp-document-progress', (e) => sendProgress.push(e.detail.bytes));
    const received = next(desk, 'rsp-document-receive');
    const delivered = next(counter, 'rsp-document-send');
    chooseFiles(counter, [new File([bytes], 'avis-imposition.pdf', { type: 'application/pdf' })]);
    const arrival = await received;
    expect(arrival.detail).to.include({ name: 'avis-imposition.pdf', type: 'application/pdf', size: 5_000_000, checksumOk: true });
    // The receiver hashed what it got; it matches the hash of the bytes we sent, computed here.
    expect(arrival.detail.sha256).to.equal(expected);
    expect((await delivered).detail.checksumOk).to.equal(true);
    expect(progress.length).to.be.greaterThan(5);
    expect(progress.every((p, i) => i === 0 || p.bytes > (progress[i - 1]?.bytes ?? 0))).to.equal(true);
    expect(progress.at(-1)).to.deep.include({ direction: 'receive', bytes: 5_000_000, total: 5_000_000 });
    expect(sendProgress.at(-1)).to.equal(5_000_000);
    await waitUntil(() => $(desk, '[part~="document-status"]')?.textContent === 'reçu, somme de contrôle vérifiée');
    expect($$(desk, 'button').some((b) => b.textContent.trim() === 'Enregistrer avis-imposition.pdf')).to.equal(true);
    await expect(desk).to.be.accessible();

    // Refused before sending: too large, or a type that is not accepted.
    counter.maxFileBytes = 1000;
    await counter.updateComplete;
    chooseFiles(counter, [new File([randomBytes(2000)], 'scan.png', { type: 'image/png' })]);
    await counter.updateComplete;
    expect(must(counter, '[part~="notice"]').textContent).to.contain('trop lourd');
    chooseFiles(counter, [new File(['#!/bin/sh'], 'script.sh', { type: 'application/x-sh' })]);
    await counter.updateComplete;
    expect(must(counter, '[part~="notice"]').textContent).to.contain('type de fichier non accepté');
  });

  it('gets a dropped connection back by itself', async () => {
    // Every RTCPeerConnection the page makes is recorded, so the test can cut them as a network loss would.
    const connections: RTCPeerConnection[] = [];
    const Original = window.RTCPeerConnection;
    class Recorded extends Original {
      constructor(configuration?: RTCConfiguration) {
        super(configuration);
        connections.push(this);
      }
    }
    window.RTCPeerConnection = Recorded;
    try {
      const { desk, counter } = await pair();
      await connect(desk, counter);
      const before = must<HTMLVideoElement>(counter, 'video[data-remote]').srcObject;
      const reconnect = next(desk, 'rsp-call-reconnect');
      for (const pc of connections) pc.close();
      expect((await reconnect).detail.attempt).to.be.greaterThan(0);
      await waitUntil(() => $(desk, '[part~="status"]')?.textContent === 'La connexion est coupée. Reconnexion en cours…' || $(desk, '[part~="status"]')?.textContent === 'En communication.');
      // Back: new connections, frames flowing again both ways, the chat works.
      await waitUntil(() => must<HTMLVideoElement>(counter, 'video[data-remote]').srcObject !== before, 'no new remote stream', { timeout: 20000 });
      await remoteFrame(counter, 20000);
      await remoteFrame(desk, 20000);
      await waitUntil(() => $(counter, '[part~="status"]')?.textContent === 'En communication.', 'citizen not back in the call', { timeout: 20000 });
      expect(stepOf(counter)).to.equal('call');
      const received = next(desk, 'rsp-chat-message');
      await chat(counter, 'Vous m’entendez\u00a0?');
      expect((await received).detail.text).to.equal('Vous m’entendez\u00a0?');
    } finally {
      window.RTCPeerConnection = Original;
    }
  });

  it('says clearly when the camera permission is refused', async () => {
    // Chromium's fake UI grants every request; the refusal is simulated by making getUserMedia
    // reject with the DOMException a browser throws when the person says no (NotAllowedError).
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    try {
      const { counter } = await pair();
      const failed = next(counter, 'rsp-device-error');
      await clickText(counter, 'Vérifier la caméra et le micro');
      expect((await failed).detail).to.deep.equal({ name: 'NotAllowedError', problem: 'denied' });
      await counter.updateComplete;
      expect(must(counter, '[part~="error"]').textContent).to.contain('L’accès à la caméra ou au micro a été refusé');
      expect($(counter, 'video[data-self]')).to.equal(null);
      expect($$(counter, 'button').map((b) => b.textContent.trim())).to.include('Réessayer');
      await expect(counter).to.be.accessible();
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Device in use', 'NotReadableError'));
      await clickText(counter, 'Réessayer');
      await waitUntil(() => $(counter, '[part~="error"]')?.textContent.includes('déjà utilisé') === true, 'busy device not told');
      navigator.mediaDevices.getUserMedia = original;
      await clickText(counter, 'Réessayer');
      await waitUntil(() => $(counter, 'video[data-self]') !== null, 'no preview after granting');
      expect($(counter, '[part~="error"]')).to.equal(null);
    } finally {
      navigator.mediaDevices.getUserMedia = original;
    }
  });

  it('kiosk mode wipes documents, object URLs, chat and thumbnails after the hang-up and after inactivity', async () => {
    const created: string[] = [];
    const revoked: string[] = [];
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      const url = createObjectURL(blob);
      created.push(url);
      return url;
    };
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      revokeObjectURL(url);
    };
    try {
      const { desk, counter } = await pair({ kiosk: true });
      await connect(desk, counter);
      await chat(desk, 'Voici le formulaire.');
      // A small PNG from the agent: the citizen gets a thumbnail.
      const canvas = document.createElement('canvas');
      canvas.width = 40;
      canvas.height = 30;
      const png = await new Promise<Blob>((resolve) => {
        canvas.toBlob((b) => {
          if (b) resolve(b);
        }, 'image/png');
      });
      const received = next(counter, 'rsp-document-receive');
      chooseFiles(desk, [new File([png], 'formulaire.png', { type: 'image/png' })]);
      expect((await received).detail.checksumOk).to.equal(true);
      await waitUntil(() => ($(counter, 'canvas[data-doc]') as HTMLCanvasElement | null)?.width === 40, 'no thumbnail');
      await waitUntil(() => $$(counter, '[part~="chat-text"]').length === 1);
      // The citizen saves it (an object URL is made on that click only).
      const save = $$(counter, 'button').find((b) => b.textContent.trim() === 'Enregistrer formulaire.png');
      expect(save).to.not.equal(undefined);
      save?.click();
      expect(created).to.have.length(1);

      const wiped = next(counter, 'rsp-session-wipe');
      await clickText(counter, 'Raccrocher');
      expect((await wiped).detail.reason).to.equal('hangup');
      await counter.updateComplete;
      expect(stepOf(counter)).to.equal('ended');
      expect(revoked).to.deep.equal(created);
      expect($$(counter, '[part~="chat-text"]')).to.have.length(0);
      expect($$(counter, '[part~="document"]')).to.have.length(0);
      expect($(counter, 'canvas')).to.equal(null);
      expect(counter.shadowRoot?.textContent).to.not.contain('formulaire');
      expect(counter.shadowRoot?.textContent).to.not.contain('Voici le formulaire.');
      expect(must(counter, '[part~="hint"]').textContent).to.contain('effacés');
      await expect(counter).to.be.accessible();

      // Inactivity outside a call: back to the start, camera released.
      counter.idleSeconds = 1;
      await clickText(counter, 'Nouvel appel');
      await checkDevices(counter);
      const idle = next(counter, 'rsp-session-wipe');
      expect((await idle).detail.reason).to.equal('inactivity');
      await counter.updateComplete;
      expect($(counter, 'video[data-self]')).to.equal(null);
    } finally {
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
    }
  });

  it('an agent of another agency cannot take the call: the server refuses (403) and the desk says so', async () => {
    // The caller waits in the CAF queue (a CAF desk is on duty, opened through the API).
    const { desk, counter, url } = await pair({ tokenAgency: 'mission-locale', deskAgency: 'caf' });
    const caf = await server.agentToken('caf');
    const open = await fetch(new URL('api/visio/desk', url), { method: 'POST', headers: { Authorization: `Bearer ${caf}`, 'Content-Type': 'application/json' }, body: '{}' });
    expect(open.status).to.equal(200);
    await joinQueue(counter);
    // The Mission Locale agent's desk, pointed at the CAF queue.
    await checkDevices(desk);
    await clickText(desk, 'Ouvrir mon poste');
    await waitUntil(() => $(desk, '[part~="error"]') !== null, 'no error shown', { timeout: 10000 });
    expect(must(desk, '[part~="error"]').textContent).to.contain('ne donne accès qu’à la file de votre propre organisme');
    expect($$(desk, '[part~="queue-entry"]')).to.have.length(0);
    await expect(desk).to.be.accessible();
    // Admitting directly with that token is refused too; the caller is still waiting.
    const ml = await server.agentToken('mission-locale');
    const admit = await fetch(new URL('api/visio/queue/admit', url), { method: 'POST', headers: { Authorization: `Bearer ${ml}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ agencyId: 'caf' }) });
    expect(admit.status).to.equal(403);
    expect((await server.tickets()).map((t) => t.status)).to.deep.equal(['waiting']);
    expect(stepOf(counter)).to.equal('queue');
  });

  it('speaks English and is keyboard operable', async () => {
    const url = await server.url();
    const el = await fixture<RspVideoCounter>(html`<rsp-video-counter lang="en" api-base=${url} site-id="lot-gramat" agency-id="caf"></rsp-video-counter>`);
    expect(must(el, 'h2').textContent).to.equal('Video counter');
    // Tab reaches the check button, Enter presses it.
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement?.textContent.trim()).to.equal('Check the camera and microphone');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, 'video[data-self]') !== null, 'no preview');
    await el.updateComplete;
    expect(must(el, '[part~="status"]').textContent).to.equal('Camera and microphone ready.');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement?.textContent.trim()).to.equal('Join the queue');
    await expect(el).to.be.accessible();
  });

  it('shows a hostile site name as text, and gives up on a caller who left before the call', async () => {
    const { desk } = await pair();
    const url = await server.url();
    await openDesk(desk);
    // A caller from the site whose name is hostile markup joins, then closes the page.
    const caller = await fixture<RspVideoCounter>(html`<rsp-video-counter api-base=${url} site-id="lot-salviac" agency-id="caf" poll-seconds="1"></rsp-video-counter>`);
    await joinQueue(caller);
    await waitUntil(() => $(desk, '[part~="site"]')?.textContent.endsWith('Salviac') === true, 'site not shown', { timeout: 10000 });
    expect(must(desk, '[part~="site"]').textContent).to.equal('<img src=x onerror="window.__rspPwned=1"><script>window.__rspPwned=1</script> Salviac');
    expect($(desk, '[part~="queue"] img')).to.equal(null);
    caller.remove();
    await clickText(desk, 'Prendre l’appel suivant');
    await waitStep(desk, 'call');
    // The caller is unreachable: after some tries the desk offers to close the session, "interrupted" chosen.
    await waitStep(desk, 'outcome', 30000);
    expect(must<HTMLInputElement>(desk, 'input[value="abandoned"]').checked).to.equal(true);
    expect((window as { __rspPwned?: number }).__rspPwned).to.equal(undefined);
    await clickText(desk, 'Enregistrer et revenir à la file');
    await waitStep(desk, 'queue');
    expect((await server.sessions())[0]?.outcome).to.equal('abandoned');
  });
});
