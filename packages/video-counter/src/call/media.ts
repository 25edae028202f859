/**
 * Camera and microphone: opening them, naming each failure the way a person
 * at a kiosk can act on it, and an audio level meter for the device check.
 */

/** What went wrong when opening the camera and microphone. */
export type DeviceProblem = 'denied' | 'notFound' | 'busy' | 'constraints' | 'insecure' | 'unsupported' | 'other';

/** The `DOMException` names of `getUserMedia`, mapped to what the person is told. */
export function deviceProblemOf(error: unknown): DeviceProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return 'notFound';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return 'constraints';
    case 'TypeError':
      return 'unsupported';
    default:
      return 'other';
  }
}

/** The exception's name, for events (`NotAllowedError`…). */
export const errorName = (error: unknown): string => (error instanceof Error || error instanceof DOMException ? error.name : 'Error');

/** Opens camera and microphone (640×480 preferred); throws the browser's `DOMException`. */
export async function openDevices(): Promise<MediaStream> {
  if (!window.isSecureContext) throw new DOMException('A secure context is needed', 'InsecureContextError');
  if (!('mediaDevices' in navigator) || typeof navigator.mediaDevices.getUserMedia !== 'function') throw new TypeError('getUserMedia is not available');
  return navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: true, noiseSuppression: true },
    video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 24 } },
  });
}

/** Stops every track of a stream. */
export function stopStream(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** The microphone level (0–1) of a stream, read a few times a second. */
export class LevelMeter {
  private readonly context: AudioContext;
  private readonly analyser: AnalyserNode;
  private readonly data: Uint8Array<ArrayBuffer>;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(stream: MediaStream, onLevel: (level: number) => void) {
    this.context = new AudioContext();
    this.analyser = this.context.createAnalyser();
    this.analyser.fftSize = 512;
    this.data = new Uint8Array(new ArrayBuffer(this.analyser.fftSize));
    this.context.createMediaStreamSource(stream).connect(this.analyser);
    this.timer = setInterval(() => {
      this.analyser.getByteTimeDomainData(this.data);
      let sum = 0;
      for (const value of this.data) {
        const centred = (value - 128) / 128;
        sum += centred * centred;
      }
      // RMS, scaled so that speech fills most of the meter.
      onLevel(Math.min(1, Math.sqrt(sum / this.data.length) * 4));
    }, 150);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    void this.context.close().catch(() => undefined);
  }
}
