/**
 * Hashes of the tokens this process has seen pass authentication, the most recent `capacity` of them. The rate
 * limit runs before authentication: a token counts on its own budget only once it is known to be real, so a flood
 * of made-up tokens spends its address's budget instead of getting a fresh one with every token.
 */
export class KnownTokens {
  private readonly hashes = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  has(hash: string): boolean {
    return this.hashes.has(hash);
  }

  add(hash: string): void {
    this.hashes.delete(hash);
    this.hashes.add(hash);
    if (this.hashes.size > this.capacity) {
      const oldest = this.hashes.values().next();
      if (!oldest.done) this.hashes.delete(oldest.value);
    }
  }
}
