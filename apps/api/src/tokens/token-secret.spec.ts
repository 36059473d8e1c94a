import { generateToken, hashToken } from './token-secret';

describe('token secrets', () => {
  it('generates ddc_-prefixed base64url tokens of 32 random bytes, never the same twice', () => {
    const tokens = new Set(Array.from({ length: 100 }, generateToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) {
      expect(token).toMatch(/^ddc_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
    }
  });

  it('hashes with SHA-256 (hex), deterministically', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashToken('ddc_x')).toBe(hashToken('ddc_x'));
    expect(hashToken('ddc_x')).not.toBe(hashToken('ddc_y'));
  });
});
