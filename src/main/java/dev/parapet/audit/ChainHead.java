package dev.parapet.audit;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;

/**
 * A signed checkpoint: an instance's statement that its chain {@code node} had reached {@code seq}
 * with the record hash {@code hash} at {@code time}. Records later deleted, rewritten or numbered
 * again with the same sequence no longer agree with it.
 *
 * @param time ISO-8601 UTC
 * @param keyId the signing key's id, as {@code GET /v1/audit/keys} lists it
 * @param signature Ed25519 over {@link #payload()}, base64
 */
public record ChainHead(
    String node, long seq, String hash, String time, String keyId, String signature) {

  /** What is signed: the UTF-8 bytes of these five lines, each ended by a line feed. */
  public byte[] payload() {
    return payload(node, seq, hash, time);
  }

  static byte[] payload(String node, long seq, String hash, String time) {
    return ("parapet-chain-head/v1\n" + node + "\n" + seq + "\n" + hash + "\n" + time + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  static ChainHead sign(ChainSigner signer, String node, long seq, String hash, String time) {
    return new ChainHead(
        node, seq, hash, time, signer.keyId(), signer.signBase64(payload(node, seq, hash, time)));
  }

  /** Whether {@code key} signed this head. */
  public boolean signedBy(PublicKey key) {
    try {
      return ChainSigner.verify(key, payload(), Base64.getDecoder().decode(signature));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether any of the trusted keys (by key id) signed it. */
  public boolean trusted(Map<String, PublicKey> keys) {
    PublicKey key = keys.get(keyId);
    return key != null && signedBy(key);
  }
}
