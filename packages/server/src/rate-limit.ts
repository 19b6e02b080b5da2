/**
 * A token bucket: holds up to `burst` tokens, refilled at `perSecond`; each request takes one.
 * A request that finds the bucket empty is refused, and learns how long to wait.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.updatedAt = now();
  }

  /** Takes a token: 0 when granted, else the milliseconds until one is available. */
  take(): number {
    const now = this.now();
    this.tokens = Math.min(
      this.burst,
      this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond,
    );
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }
}

/**
 * One {@link TokenBucket} per key (e.g. per user), for requests that come without a socket.
 * Keys unused long enough for their bucket to be full again are forgotten once there are many.
 */
export class KeyedBuckets {
  private readonly buckets = new Map<string, { bucket: TokenBucket; usedAt: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    /** Keys kept before idle ones are forgotten. */
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token of `key`'s bucket: 0 when granted, else the milliseconds until one is available. */
  take(key: string): number {
    const now = this.now();
    let entry = this.buckets.get(key);
    if (!entry) {
      if (this.buckets.size >= this.maxKeys) this.forgetIdle(now);
      entry = { bucket: new TokenBucket(this.perSecond, this.burst, this.now), usedAt: now };
      this.buckets.set(key, entry);
    }
    entry.usedAt = now;
    return entry.bucket.take();
  }

  /** Forgets the keys whose buckets have refilled completely since they were last used. */
  private forgetIdle(now: number): void {
    const refillMs = (this.burst / this.perSecond) * 1000;
    for (const [key, entry] of this.buckets) {
      if (now - entry.usedAt >= refillMs) this.buckets.delete(key);
    }
  }
}
