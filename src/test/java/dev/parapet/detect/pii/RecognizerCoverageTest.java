package dev.parapet.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.detect.DetectorInput;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Finding;
import dev.parapet.model.Stage;
import dev.parapet.text.Normalizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each type in its real formats, in a sentence; and the look-alikes that are not it. */
class RecognizerCoverageTest {

  private static final PiiDetector DETECTOR = PiiDetector.load(Path.of("rules"));

  static List<Finding> detect(String text) {
    CheckContext ctx =
        new CheckContext(
            Stage.INPUT, "default", "", Map.of(), text.codePointCount(0, text.length()));
    return DETECTOR.detect(new DetectorInput(new Normalizer().normalize(text), ctx));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "My ABN is 51 824 753 556.|AU_ABN|51 824 753 556",
        "ABN 51824753556|AU_ABN|51824753556",
        "The company ACN is 004 085 616|AU_ACN|004 085 616",
        "my tax file number: 123 456 782|AU_TFN|123 456 782",
        "Medicare card 2123 45670 1|AU_MEDICARE|2123 45670 1",
        "NHS number 943 476 5919|UK_NHS|943 476 5919",
        "my NI number is AB 12 34 56 C|UK_NINO|AB 12 34 56 C",
        "national insurance ce123456d|UK_NINO|ce123456d",
        "ITIN 912-90-3456 on file|US_ITIN|912-90-3456",
        "SSN: 536-90-4399|US_SSN|536-90-4399",
        "my social security number is 536904399|US_SSN|536904399",
        "driver's license number D1234567|US_DRIVER_LICENSE|D1234567",
        "US passport number A12345678|US_PASSPORT|A12345678",
        "my bank account number is 001234567890|US_BANK_NUMBER|001234567890",
        "Partita IVA IT00743110157|IT_VAT_CODE|IT00743110157",
        "codice fiscale RSSMRA45C12F205C|IT_FISCAL_CODE|RSSMRA45C12F205C",
        "numero patente di guida AB1234567C|IT_DRIVER_LICENSE|AB1234567C",
        "carta d'identità CA12345AB|IT_IDENTITY_CARD|CA12345AB",
        "passaporto YA1234567|IT_PASSPORT|YA1234567",
        "DNI 54362315-K|ES_NIF|54362315-K",
        "CIF B64717838|ES_NIF|B64717838",
        "NIE X-2482300-W|ES_NIE|X-2482300-W",
        "UEN 197401143C|SG_UEN|197401143C",
        "UEN: S16FC0121D|SG_UEN|S16FC0121D",
        "NRIC S1234567D|SG_NRIC_FIN|S1234567D",
        "PESEL 44051401359|PL_PESEL|44051401359",
        "RRN 750313-1852815|KR_RRN|750313-1852815",
        "Aadhaar 2341 2341 2346|IN_AADHAAR|2341 2341 2346",
        "PAN card ABCPD1234E|IN_PAN|ABCPD1234E",
        "voter id ABC1234567|IN_VOTER|ABC1234567",
        "passport no. A1234567|IN_PASSPORT|A1234567",
        "car MH 12 AB 1234 parked|IN_VEHICLE_REGISTRATION|MH 12 AB 1234",
        "vehicle KA01AB1234|IN_VEHICLE_REGISTRATION|KA01AB1234",
        "hetu 131052-308T|FI_PERSONAL_IDENTITY_CODE|131052-308T",
        "身份证 11010519491231002X|CN_RESIDENT_ID|11010519491231002X",
        "IBAN GB82 WEST 1234 5698 7654 32|IBAN_CODE|GB82 WEST 1234 5698 7654 32",
        "wire to NO93 8601 1117 947|IBAN_CODE|NO93 8601 1117 947",
        "pay into SA03 8000 0000 6080 1016 7519|IBAN_CODE|SA03 8000 0000 6080 1016 7519",
        "card 3782 822463 10005|CREDIT_CARD|3782 822463 10005",
        "Diners 30569309025904|CREDIT_CARD|30569309025904",
        "JCB 3530-1113-3330-0000|CREDIT_CARD|3530-1113-3330-0000",
        "unionpay 6212345678901232|CREDIT_CARD|6212345678901232",
        "Send to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed please|CRYPTO|0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "Send to 0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359 please|CRYPTO|0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359",
        "btc 1BoatSLRHtKNngkdXEeobR76b53LETtpyT|CRYPTO|1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
        "btc bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq|CRYPTO|bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "host 192.168.1.20 is down|IP_ADDRESS|192.168.1.20",
        "ping 2001:db8::ff00:42:8329|IP_ADDRESS|2001:db8::ff00:42:8329",
        "loopback ::1 only|IP_ADDRESS|::1",
        "mapped ::ffff:192.0.2.128 here|IP_ADDRESS|::ffff:192.0.2.128",
        "link fe80::1ff:fe23:4567:890a%eth0 up|IP_ADDRESS|fe80::1ff:fe23:4567:890a%eth0",
        "full 2001:0db8:85a3:0000:0000:8a2e:0370:7334.|IP_ADDRESS|2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        "MAC 00:1A:2B:3C:4D:5E seen|MAC_ADDRESS|00:1A:2B:3C:4D:5E",
        "MAC 00-1a-2b-3c-4d-5e seen|MAC_ADDRESS|00-1a-2b-3c-4d-5e",
        "cisco 0011.2233.4455 port|MAC_ADDRESS|0011.2233.4455",
        "mail me at Jane.Doe+x@mail.example.co.uk!|EMAIL_ADDRESS|Jane.Doe+x@mail.example.co.uk",
        "docs at https://example.com/a?b=c, thanks|URL|https://example.com/a?b=c",
        "call (415) 555-2671 today|PHONE_NUMBER|(415) 555-2671",
        "call +44 20 7946 0958 today|PHONE_NUMBER|+44 20 7946 0958",
        "手机 138 0013 8000|PHONE_NUMBER|138 0013 8000",
      })
  void findsTheTypeOverTheValue(String text, String type, String value) {
    int start = text.codePointCount(0, text.indexOf(value));
    int end = start + value.codePointCount(0, value.length());

    assertThat(detect(text))
        .as(text)
        .anySatisfy(
            f -> {
              assertThat(f.type()).isEqualTo(type);
              assertThat(f.start()).isEqualTo(start);
              assertThat(f.end()).isEqualTo(end);
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Upgrade to version 1.2.3.4 today",
        "firmware v10.2.0.14 released",
        "OID 1.3.6.1.4.1.311 is Microsoft",
        "dated 12.05.2023 in the ledger",
        "meeting 10:30:00 sharp",
        "std::vector<int> in C++",
        "My ABN is 51 824 753 557.",
        "NHS number 943 476 5871",
        "ITIN 912-93-4567 on file",
        "SSN: 666-12-3456",
        "card 4111 1111 1111 1112",
        "Send to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD please",
        "IBAN GB83 WEST 1234 5698 7654 32",
        "PESEL 44051401358",
        "Aadhaar 2341 2341 2347",
        "codice fiscale RSSMRA45C12F205D",
        "tracking 1Z999AA10123456784",
        "ISBN 978-3-16-148410-0",
        "the hash d41d8cd98f00b204e9800998ecf8427e",
      })
  void findsNothingInLookAlikes(String text) {
    assertThat(detect(text)).as(text).isEmpty();
  }
}
