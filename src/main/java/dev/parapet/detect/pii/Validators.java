package dev.parapet.detect.pii;

import java.util.Map;
import java.util.function.Predicate;

/** Validators by the names officers use in recognizer files. */
final class Validators {

  static final Map<String, Predicate<String>> BY_NAME =
      Map.ofEntries(
          Map.entry("none", s -> true),
          Map.entry("luhn", s -> Checksums.luhn(Checksums.digits(s))),
          Map.entry("card", s -> IdChecks.card(Checksums.digits(s))),
          Map.entry("mod97", Checksums::iban),
          Map.entry("iban", Checksums::iban),
          Map.entry("verhoeff", s -> Checksums.verhoeff(Checksums.digits(s))),
          Map.entry("aadhaar", s -> IdChecks.aadhaar(Checksums.digits(s))),
          Map.entry("itin", s -> IdChecks.itin(Checksums.digits(s))),
          Map.entry("es-nif", s -> IdChecks.spanishNif(Checksums.alnumUpper(s))),
          Map.entry("uen", s -> IdChecks.uen(Checksums.alnumUpper(s))),
          Map.entry("eip55", Eip55::valid),
          Map.entry("gb11643", s -> Checksums.gb11643(Checksums.alnumUpper(s))),
          Map.entry("nhs", s -> IdChecks.nhs(Checksums.digits(s))),
          Map.entry("dea", s -> Checksums.dea(Checksums.alnumUpper(s))),
          Map.entry("ssn", s -> Checksums.ssn(Checksums.digits(s))),
          Map.entry("pesel", s -> IdChecks.pesel(Checksums.digits(s))),
          Map.entry("hetu", Checksums::hetu),
          Map.entry("nif", s -> Checksums.nif(Checksums.alnumUpper(s))),
          Map.entry("it-fiscal-code", s -> IdChecks.italianFiscalCode(Checksums.alnumUpper(s))),
          Map.entry("it-vat", s -> IdChecks.italianVat(Checksums.digits(s))),
          Map.entry("nric", s -> Checksums.nric(Checksums.alnumUpper(s))),
          Map.entry("abn", s -> IdChecks.abn(Checksums.digits(s))),
          Map.entry("acn", s -> IdChecks.acn(Checksums.digits(s))),
          Map.entry("tfn", s -> IdChecks.tfn(Checksums.digits(s))),
          Map.entry("medicare", s -> IdChecks.medicare(Checksums.digits(s))),
          Map.entry("rrn", s -> Checksums.rrn(Checksums.digits(s))),
          Map.entry("base58check", Checksums::base58Check),
          Map.entry("bech32", Checksums::bech32));

  private Validators() {}
}
