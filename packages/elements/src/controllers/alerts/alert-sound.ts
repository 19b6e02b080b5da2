/** The part of `AudioParam` the beep uses. */
export interface AudioParamLike {
  value: number;
  setValueAtTime(value: number, startTime: number): unknown;
  exponentialRampToValueAtTime(value: number, endTime: number): unknown;
}

/** The part of `OscillatorNode` the beep uses. */
export interface OscillatorLike {
  type: OscillatorType;
  readonly frequency: AudioParamLike;
  connect(destination: never): unknown;
  start(when?: number): void;
  stop(when?: number): void;
}

/** The part of `GainNode` the beep uses. */
export interface GainLike {
  readonly gain: AudioParamLike;
  connect(destination: never): unknown;
}

/** The part of `AudioContext` the beep uses. */
export interface AudioContextLike {
  readonly state: string;
  readonly currentTime: number;
  readonly destination: unknown;
  /** Resumes a suspended context (browsers suspend audio until a user gesture). */
  resume(): Promise<void>;
  /** Releases the audio resources. */
  close(): Promise<void>;
  /** Creates the tone generator of the alert sound. */
  createOscillator(): OscillatorLike;
  /** Creates the volume envelope of the alert sound. */
  createGain(): GainLike;
}

/** Creates the audio context; `undefined` where Web Audio is missing. */
export type AudioContextFactory = () => AudioContextLike;

/** The browser's Web Audio, when it has one. */
export function defaultAudioContextFactory(): AudioContextFactory | undefined {
  const Ctor =
    typeof window === 'undefined'
      ? undefined
      : (window.AudioContext ??
        (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext);
  return Ctor ? () => new Ctor() as unknown as AudioContextLike : undefined;
}

/**
 * A short two-tone beep drawn with an oscillator (no audio file). Browsers only let audio start
 * after a user gesture, so the context is created by {@link AlertSound.unlock}, called from one;
 * until then {@link AlertSound.play} stays silent.
 */
export class AlertSound {
  #context: AudioContextLike | undefined;

  constructor(private readonly createContext: AudioContextFactory | undefined) {}

  /** Whether a context exists (a gesture has unlocked audio). */
  get unlocked(): boolean {
    return this.#context !== undefined && this.#context.state !== 'closed';
  }

  /** Creates (or resumes) the audio context. Call from a user gesture. */
  unlock(): void {
    if (!this.createContext) return;
    try {
      this.#context ??= this.createContext();
      if (this.#context.state === 'suspended') void this.#context.resume().catch(() => undefined);
    } catch {
      this.#context = undefined;
    }
  }

  /** Plays the beep; returns whether it could. */
  play(): boolean {
    const context = this.#context;
    if (!context || context.state === 'closed') return false;
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    try {
      const start = context.currentTime + 0.01;
      this.#tone(context, 880, start, 0.12);
      this.#tone(context, 1320, start + 0.14, 0.16);
      return true;
    } catch {
      return false;
    }
  }

  /** Releases the audio context. */
  dispose(): void {
    void this.#context?.close().catch(() => undefined);
    this.#context = undefined;
  }

  #tone(context: AudioContextLike, frequency: number, start: number, duration: number): void {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.18, start + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
    oscillator.connect(gain as never);
    gain.connect(context.destination as never);
    oscillator.start(start);
    oscillator.stop(start + duration + 0.02);
  }
}
