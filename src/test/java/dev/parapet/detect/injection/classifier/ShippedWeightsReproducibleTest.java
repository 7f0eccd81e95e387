package dev.parapet.detect.injection.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Retraining from the committed corpus writes the shipped resource byte for byte (liblinear's
 * solver is deterministic with its seeded shuffle, the corpus is read in id order): whoever changes
 * the corpus or the features must retrain and commit the weights.
 */
class ShippedWeightsReproducibleTest {

  @Test
  void retrainingFromTheCorpusReproducesTheShippedWeights() throws Exception {
    var corpus = ClassifierTraining.corpus(ClassifierTraining.CORPUS);

    byte[] retrained = ClassifierTraining.train(corpus).write();

    byte[] shipped = java.nio.file.Files.readAllBytes(ClassifierTraining.SHIPPED);
    assertThat(retrained).isEqualTo(shipped);
  }
}
