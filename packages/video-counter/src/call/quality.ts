/**
 * The poor-link heuristic. Every `QUALITY_INTERVAL_MS` each side reads the
 * media connection's `RTCPeerConnection.getStats()` and reduces it to a
 * sample: packets received and lost on the inbound audio and video streams
 * since the previous sample, the selected candidate pair's round-trip time
 * and the sender's available outgoing bitrate.
 *
 * - A sample is **poor** when the loss over the interval is above 8 %, the
 *   round-trip time above 600 ms, or the available outgoing bitrate under
 *   150 kbit/s (what a 360p video needs at least).
 * - It is **good** when the loss is under 3 % and the round-trip time under
 *   300 ms (the bitrate is not looked at: without video it is not probed).
 * - Two poor samples in a row switch the side to audio only (its camera stops
 *   sending; the other side is told and says so); five good samples in a row
 *   switch the video back on. In between nothing changes, so the call does not
 *   flap on a link that wavers.
 */

export const QUALITY_INTERVAL_MS = 2000;

/** Cumulative counters read from one `getStats()`. */
export interface StatsSample {
  readonly packetsReceived: number;
  readonly packetsLost: number;
  /** Seconds; `undefined` when not known yet. */
  readonly rttSeconds: number | undefined;
  /** Bits per second; `undefined` when not known. */
  readonly outgoingBitrate: number | undefined;
}

export type SampleVerdict = 'poor' | 'good' | 'fair';

/** The verdict on the interval between two cumulative samples. */
export function judgeSample(previous: StatsSample | undefined, current: StatsSample): SampleVerdict {
  const received = current.packetsReceived - (previous?.packetsReceived ?? 0);
  const lost = current.packetsLost - (previous?.packetsLost ?? 0);
  const total = received + lost;
  const loss = total > 0 ? Math.max(0, lost) / total : 0;
  const rtt = current.rttSeconds;
  if (loss > 0.08 || (rtt !== undefined && rtt > 0.6) || (current.outgoingBitrate !== undefined && current.outgoingBitrate < 150_000)) return 'poor';
  if (loss < 0.03 && (rtt === undefined || rtt < 0.3)) return 'good';
  return 'fair';
}

/** Counts verdicts in a row and says when to switch. */
export class LinkQuality {
  audioOnly = false;
  private poor = 0;
  private good = 0;
  private previous: StatsSample | undefined;

  /** Feeds one sample; returns the new `audioOnly` when it changes, else `undefined`. */
  push(sample: StatsSample): boolean | undefined {
    const verdict = judgeSample(this.previous, sample);
    this.previous = sample;
    this.poor = verdict === 'poor' ? this.poor + 1 : 0;
    this.good = verdict === 'good' ? this.good + 1 : 0;
    if (!this.audioOnly && this.poor >= 2) {
      this.audioOnly = true;
      this.poor = 0;
      return true;
    }
    if (this.audioOnly && this.good >= 5) {
      this.audioOnly = false;
      this.good = 0;
      return false;
    }
    return undefined;
  }

  /** Forgets the counters (a new connection). */
  reset(): void {
    this.previous = undefined;
    this.poor = 0;
    this.good = 0;
  }
}

/** Reduces an `RTCStatsReport` to a sample. */
export function sampleOf(report: RTCStatsReport): StatsSample {
  let packetsReceived = 0;
  let packetsLost = 0;
  let rttSeconds: number | undefined;
  let outgoingBitrate: number | undefined;
  report.forEach((stat: Record<string, unknown>) => {
    if (stat.type === 'inbound-rtp') {
      packetsReceived += typeof stat.packetsReceived === 'number' ? stat.packetsReceived : 0;
      packetsLost += typeof stat.packetsLost === 'number' ? stat.packetsLost : 0;
    } else if (stat.type === 'candidate-pair' && stat.nominated === true && stat.state === 'succeeded') {
      if (typeof stat.currentRoundTripTime === 'number') rttSeconds = stat.currentRoundTripTime;
      if (typeof stat.availableOutgoingBitrate === 'number') outgoingBitrate = stat.availableOutgoingBitrate;
    }
  });
  return { packetsReceived, packetsLost, rttSeconds, outgoingBitrate };
}
