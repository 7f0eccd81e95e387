package dev.parapet.detect.pii;

import dev.parapet.detect.CodePointOffsets;
import dev.parapet.detect.Detector;
import dev.parapet.detect.DetectorInput;
import dev.parapet.model.Finding;
import dev.parapet.model.InvalidPolicyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds personal data by running its scanners in order over one page and one sink: emails, URLs,
 * network addresses, IBANs, VAT numbers with their country prefix and spaced identifiers first,
 * then the built-in recognizers of {@code recognizers.yaml} over candidate runs, then phone numbers
 * (libphonenumber, in the profile's regions), card security codes, and last the recognizers
 * officers add in {@code rules/recognizers/*.yaml}. A span reported once is not reported again.
 * Offsets are code points of the original text.
 */
public final class PiiDetector implements Detector {

  static final String NAME = "pii";

  private final BuiltInShapes shapes = BuiltInShapes.get();
  private final List<Scanner> scanners;
  private final Map<String, List<String>> phoneRegions;

  private PiiDetector(List<OfficerRecognizer> officers, Map<String, List<String>> phoneRegions) {
    List<Scanner> all = new ArrayList<>();
    all.add(new EmailScanner());
    all.add(new UrlScanner());
    all.add(new NetworkScanner());
    all.add(new IbanScanner());
    all.add(new VatScanner());
    all.add(new SpacedShapes());
    all.add(new ShapeScanner(shapes));
    all.add(new PhoneScanner());
    all.add(new CvvScanner());
    all.addAll(officers);
    this.scanners = List.copyOf(all);
    this.phoneRegions = Map.copyOf(phoneRegions);
  }

  BuiltInShapes builtInShapes() {
    return shapes;
  }

  /**
   * The built-in recognizers plus those in {@code rulesDir/recognizers/*.yaml}, with the default
   * phone regions for every profile.
   *
   * @throws InvalidPolicyException naming the file and line of a bad recognizer
   */
  public static PiiDetector load(Path rulesDir) {
    return load(rulesDir, Map.of());
  }

  /**
   * @param phoneRegions per profile name, the regions (ISO 3166 codes) whose national phone formats
   *     are looked for; a profile not named gets {@link PhoneScanner#DEFAULT_REGIONS}
   * @throws InvalidPolicyException naming the file and line of a bad recognizer
   */
  public static PiiDetector load(Path rulesDir, Map<String, List<String>> phoneRegions) {
    return new PiiDetector(OfficerRecognizer.load(rulesDir.resolve("recognizers")), phoneRegions);
  }

  /** The default phone regions, for a profile that names none. */
  public static List<String> defaultPhoneRegions() {
    return PhoneScanner.DEFAULT_REGIONS;
  }

  /** Whether libphonenumber knows {@code region} (an ISO 3166 alpha-2 code, upper case). */
  public static boolean isPhoneRegion(String region) {
    return com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance()
        .getSupportedRegions()
        .contains(region);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** A candidate run is at most {@link Candidates#MAX} long; context words reach after it. */
  @Override
  public int holdBack() {
    return Candidates.MAX + Context.AFTER + 1;
  }

  @Override
  public List<Finding> detect(DetectorInput input) {
    List<String> regions =
        phoneRegions.getOrDefault(input.context().profile(), PhoneScanner.DEFAULT_REGIONS);
    Page page = new Page(input.text(), regions);
    FindingSink sink = new FindingSink(CodePointOffsets.of(input));
    for (Scanner scanner : scanners) {
      scanner.scan(page, sink);
    }
    return sink.findings();
  }
}
