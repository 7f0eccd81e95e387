package dev.parapet.detect.pii;

import java.nio.charset.StandardCharsets;

/**
 * Ethereum addresses: {@code 0x} and 40 hex digits; one in mixed case carries the EIP-55 checksum
 * (a letter is upper case where the Keccak-256 of the lower-case address has a nibble of 8 or
 * more). The JDK's SHA3-256 pads differently from Ethereum's Keccak-256, hence the permutation
 * here.
 */
final class Eip55 {

  private static final long[] ROUND_CONSTANTS = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
    0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
    0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
  };
  private static final int[] ROTATIONS = {
    0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14
  };
  private static final int RATE = 136; // bytes: 1088 bits for a 256-bit output

  private Eip55() {}

  /** Whether {@code s} is 0x and 40 hex digits, all one case or with a valid EIP-55 checksum. */
  static boolean valid(String s) {
    if (s.length() != 42 || s.charAt(0) != '0' || (s.charAt(1) != 'x' && s.charAt(1) != 'X')) {
      return false;
    }
    String hex = s.substring(2);
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (c >= 'a' && c <= 'f') {
        lower = true;
      } else if (c >= 'A' && c <= 'F') {
        upper = true;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    if (Checksums.alnumUpper(hex).chars().distinct().count() < 4) {
      return false; // 0x000…0 and other fillers are placeholders, not accounts
    }
    if (!(lower && upper)) {
      return true;
    }
    String folded = hex.toLowerCase(java.util.Locale.ROOT);
    byte[] hash = keccak256(folded.getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < 40; i++) {
      char c = hex.charAt(i);
      if (c >= '0' && c <= '9') {
        continue;
      }
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
      if ((nibble >= 8) != (c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  /** Keccak-256 as Ethereum uses it (original padding 0x01, not SHA-3's 0x06). */
  static byte[] keccak256(byte[] message) {
    long[] state = new long[25];
    int blocks = message.length / RATE + 1;
    byte[] padded = new byte[blocks * RATE];
    System.arraycopy(message, 0, padded, 0, message.length);
    padded[message.length] ^= 0x01;
    padded[padded.length - 1] ^= (byte) 0x80;
    for (int b = 0; b < blocks; b++) {
      for (int i = 0; i < RATE / 8; i++) {
        long lane = 0;
        for (int k = 7; k >= 0; k--) {
          lane = lane << 8 | (padded[b * RATE + i * 8 + k] & 0xFFL);
        }
        state[i] ^= lane;
      }
      permute(state);
    }
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      out[i] = (byte) (state[i / 8] >>> (8 * (i % 8)));
    }
    return out;
  }

  private static void permute(long[] a) {
    long[] c = new long[5];
    long[] b = new long[25];
    for (long rc : ROUND_CONSTANTS) {
      for (int x = 0; x < 5; x++) {
        c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
      }
      for (int x = 0; x < 5; x++) {
        long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
        for (int y = 0; y < 25; y += 5) {
          a[y + x] ^= d;
        }
      }
      for (int x = 0; x < 5; x++) {
        for (int y = 0; y < 5; y++) {
          int i = x + 5 * y;
          b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[i], ROTATIONS[i]);
        }
      }
      for (int x = 0; x < 5; x++) {
        for (int y = 0; y < 25; y += 5) {
          a[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]);
        }
      }
      a[0] ^= rc;
    }
  }
}
