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
          Map.entry("in-pan", s -> s.length() == 10 && !s.startsWith("0000", 5)),
          Map.entry("nric", s -> Checksums.nric(Checksums.alnumUpper(s))),
          Map.entry("abn", s -> IdChecks.abn(Checksums.digits(s))),
          Map.entry("acn", s -> IdChecks.acn(Checksums.digits(s))),
          Map.entry("tfn", s -> IdChecks.tfn(Checksums.digits(s))),
          Map.entry("medicare", s -> IdChecks.medicare(Checksums.digits(s))),
          Map.entry("rrn", s -> Checksums.rrn(Checksums.digits(s))),
          Map.entry("base58check", Checksums::base58Check),
          Map.entry("bech32", Checksums::bech32),
          // national identifiers beyond the named types: see PersonalIds, WorldIds, VatNumbers
          Map.entry("se-personnummer", s -> PersonalIds.sePersonnummer(Checksums.digits(s))),
          Map.entry("no-fodselsnummer", s -> PersonalIds.noFodselsnummer(Checksums.digits(s))),
          Map.entry("dk-cpr", s -> PersonalIds.dkCpr(Checksums.digits(s))),
          Map.entry(
              "baltic-personal-code", s -> PersonalIds.balticPersonalCode(Checksums.digits(s))),
          Map.entry("bg-egn", s -> PersonalIds.bgEgn(Checksums.digits(s))),
          Map.entry("birth-number", s -> PersonalIds.birthNumber(Checksums.digits(s))),
          Map.entry("ro-cnp", s -> PersonalIds.roCnp(Checksums.digits(s))),
          Map.entry("si-emso", s -> PersonalIds.siEmso(Checksums.digits(s))),
          Map.entry("za-id", s -> PersonalIds.zaId(Checksums.digits(s))),
          Map.entry("ch-ahv", s -> PersonalIds.chAhv(Checksums.digits(s))),
          Map.entry("fr-nir", s -> PersonalIds.frNir(Checksums.alnumUpper(s))),
          Map.entry("be-nn", s -> PersonalIds.beNationalNumber(Checksums.digits(s))),
          Map.entry("tr-kimlik", s -> PersonalIds.trKimlik(Checksums.digits(s))),
          Map.entry("is-kennitala", s -> PersonalIds.isKennitala(Checksums.digits(s))),
          Map.entry("gr-amka", s -> PersonalIds.grAmka(Checksums.digits(s))),
          Map.entry("de-idnr", s -> PersonalIds.deIdnr(Checksums.digits(s))),
          Map.entry("nl-bsn", s -> PersonalIds.nlBsn(Checksums.digits(s))),
          Map.entry("ie-pps", s -> PersonalIds.ppsCheck(Checksums.alnumUpper(s))),
          Map.entry("pl-regon", s -> PersonalIds.plRegon(Checksums.digits(s))),
          Map.entry("pl-nip", s -> VatNumbers.pl(Checksums.digits(s))),
          Map.entry("de-vat", s -> VatNumbers.de(Checksums.digits(s))),
          Map.entry("nl-btw", s -> VatNumbers.nl(Checksums.alnumUpper(s))),
          Map.entry("cz-ico", s -> VatNumbers.czIco(Checksums.digits(s))),
          Map.entry("hr-oib", s -> VatNumbers.hr(Checksums.digits(s))),
          Map.entry("lv-personal-code", s -> VatNumbers.lv(Checksums.digits(s))),
          Map.entry("fr-siren", s -> PersonalIds.siren(Checksums.digits(s))),
          Map.entry("fr-siret", s -> siret(Checksums.digits(s))),
          Map.entry("br-cpf", s -> WorldIds.brCpf(Checksums.digits(s))),
          Map.entry("br-cnpj", s -> WorldIds.brCnpj(Checksums.alnumUpper(s))),
          Map.entry("mx-curp", s -> WorldIds.mxCurp(Checksums.alnumUpper(s))),
          Map.entry("mx-rfc", s -> WorldIds.mxRfc(Checksums.alnumUpper(s))),
          Map.entry("cn-uscc", s -> WorldIds.cnUscc(Checksums.alnumUpper(s))),
          Map.entry("in-gstin", s -> WorldIds.inGstin(Checksums.alnumUpper(s))),
          Map.entry("ar-cuit", s -> WorldIds.arCuit(Checksums.digits(s))),
          Map.entry("cl-rut", s -> WorldIds.clRut(Checksums.alnumUpper(s))),
          Map.entry("co-nit", s -> WorldIds.coNit(Checksums.digits(s))),
          Map.entry("pe-ruc", s -> WorldIds.peRuc(Checksums.digits(s))),
          Map.entry("ve-rif", s -> WorldIds.veRif(Checksums.alnumUpper(s))),
          Map.entry("kr-brn", s -> WorldIds.krBrn(Checksums.digits(s))),
          Map.entry("jp-corporate", s -> WorldIds.jpCorporate(Checksums.digits(s))),
          Map.entry("jp-my-number", s -> WorldIds.jpMyNumber(Checksums.digits(s))),
          Map.entry("th-pin", s -> thai(Checksums.digits(s), false)),
          Map.entry("th-company", s -> thai(Checksums.digits(s), true)),
          Map.entry("il-id", s -> WorldIds.ilId(Checksums.digits(s))),
          Map.entry("ca-sin", s -> WorldIds.caSin(Checksums.digits(s))),
          Map.entry("ca-bn", s -> WorldIds.caBn(Checksums.alnumUpper(s))),
          Map.entry("my-nric", s -> WorldIds.myNric(Checksums.digits(s))),
          Map.entry("ec-ci", s -> WorldIds.ecCi(Checksums.digits(s))),
          Map.entry("uy-rut", s -> WorldIds.uyRut(Checksums.digits(s))),
          Map.entry("id-npwp", s -> WorldIds.idNpwp(Checksums.digits(s))),
          // tax and business numbers: see TaxIds
          Map.entry("ar-cbu", s -> TaxIds.arCbu(Checksums.digits(s))),
          Map.entry("ru-inn", s -> TaxIds.ruInn(Checksums.digits(s))),
          Map.entry("ma-ice", s -> TaxIds.maIce(Checksums.digits(s))),
          Map.entry("mk-edb", s -> TaxIds.mkEdb(Checksums.alnumUpper(s))),
          Map.entry("vn-mst", s -> TaxIds.vnMst(Checksums.digits(s))),
          Map.entry("gh-tin", s -> TaxIds.ghTin(Checksums.alnumUpper(s))),
          Map.entry("sv-nit", s -> TaxIds.svNit(Checksums.digits(s))),
          Map.entry("tr-vkn", s -> TaxIds.trVkn(Checksums.digits(s))),
          Map.entry("tw-ubn", s -> TaxIds.twUbn(Checksums.digits(s))),
          Map.entry("md-idno", s -> TaxIds.mdIdno(Checksums.digits(s))),
          Map.entry("ee-registrikood", s -> TaxIds.eeRegistrikood(Checksums.digits(s))),
          Map.entry("ec-ruc", s -> TaxIds.ecRuc(Checksums.digits(s))),
          Map.entry("mu-nid", s -> TaxIds.muNid(Checksums.alnumUpper(s))));

  /** A French SIRET: the SIREN and a site number, Luhn over all fourteen digits. */
  private static boolean siret(String digits) {
    return Digits.are(digits, 14) && Digits.luhn(digits);
  }

  /** A Thai 13-digit number: a person's starts 1-8, a company's 0. */
  private static boolean thai(String digits, boolean company) {
    return WorldIds.thPin(digits) && (digits.charAt(0) == '0') == company;
  }

  private Validators() {}
}
