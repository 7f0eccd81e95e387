package dev.parapet.audit;

import java.security.PublicKey;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The signed chain heads a verification holds records against, gathered from the store and from
 * checkpoint files, each checked against the trusted keys. A head no trusted key signed, or two
 * genuine heads that disagree on one sequence number, are problems in themselves.
 */
final class SignedHeads {

  private final Map<String, NavigableMap<Long, ChainHead>> byNode = new HashMap<>();

  static SignedHeads load(
      AuditStore store,
      List<HeadFile> files,
      Map<String, PublicKey> pinned,
      ChainVerifier.Findings out)
      throws SQLException {
    HeadStore heads = new HeadStore(store.dataSource());
    Map<String, PublicKey> trusted = new HashMap<>();
    for (HeadStore.PublicKeyEntry entry : heads.keys()) {
      try {
        trusted.put(entry.keyId(), ChainSigner.publicKey(entry.publicKey()));
      } catch (IllegalArgumentException e) {
        // a key that does not parse trusts nothing; the heads it signed are reported below
      }
    }
    trusted.putAll(pinned);
    SignedHeads signed = new SignedHeads();
    signed.addAll(heads.all(), "the store", trusted, out);
    for (HeadFile file : files) {
      signed.addAll(ChainVerifier.read(file, out), file.path().toString(), trusted, out);
    }
    return signed;
  }

  private void addAll(
      List<ChainHead> heads,
      String source,
      Map<String, PublicKey> trusted,
      ChainVerifier.Findings out) {
    for (ChainHead head : heads) {
      if (!head.trusted(trusted)) {
        out.add(
            new ChainVerifier.Problem(
                head.node(),
                head.seq(),
                null,
                "a checkpoint in "
                    + source
                    + " is not signed by a trusted key ("
                    + head.keyId()
                    + "): forged or altered"));
        continue;
      }
      NavigableMap<Long, ChainHead> node =
          byNode.computeIfAbsent(head.node(), n -> new TreeMap<>());
      ChainHead known = node.putIfAbsent(head.seq(), head);
      if (known != null && !known.hash().equals(head.hash())) {
        out.add(
            new ChainVerifier.Problem(
                head.node(),
                head.seq(),
                null,
                "two signed checkpoints name different records at seq "
                    + head.seq()
                    + " ("
                    + known.time()
                    + " and "
                    + head.time()
                    + "): the sequence number was given out twice"));
      }
    }
  }

  Set<String> nodes() {
    return byNode.keySet();
  }

  NavigableMap<Long, ChainHead> of(String node) {
    return byNode.getOrDefault(node, new TreeMap<>());
  }
}
