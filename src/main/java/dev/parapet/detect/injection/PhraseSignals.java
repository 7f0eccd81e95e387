package dev.parapet.detect.injection;

import static dev.parapet.detect.injection.SignalKind.ADDRESSED_TO_AI;
import static dev.parapet.detect.injection.SignalKind.AUTHORITY;
import static dev.parapet.detect.injection.SignalKind.COMPLIANCE;
import static dev.parapet.detect.injection.SignalKind.DECODE_AND_FOLLOW;
import static dev.parapet.detect.injection.SignalKind.DUAL_RESPONSE;
import static dev.parapet.detect.injection.SignalKind.OVERRIDE;
import static dev.parapet.detect.injection.SignalKind.PERSONA;
import static dev.parapet.detect.injection.SignalKind.PREFIX_FORCING;
import static dev.parapet.detect.injection.SignalKind.PROMPT_LEAK;
import static dev.parapet.detect.injection.SignalKind.REFRAME;
import static dev.parapet.detect.injection.SignalKind.REFUSAL_SUPPRESSION;
import static dev.parapet.detect.injection.SignalKind.SPECIAL_MODE;
import static dev.parapet.detect.injection.SignalKind.UNRESTRICTED;

import dev.parapet.text.TokenList;
import dev.parapet.text.Tokenizer;
import java.util.List;

/**
 * The word patterns of every family, over normalized text (lower case, diacritics, confusables and
 * leetspeak folded), in English and the Latin-script languages attackers translate into. Patterns
 * name classes of words, not attack strings: a verb of setting aside, a word for what came before,
 * a word for rules. Scripts without spaces are {@link ScriptPhrases}' part.
 */
final class PhraseSignals {

  private static final TokenPatterns PATTERNS =
      new TokenPatterns.Builder()
          .set(
              "setAside",
              "ignore* disregard* forget* forgot overlook* override* overrid* bypass* discard*",
              "abandon* dismiss* neglect* circumvent* nevermind unlearn* erase delete scrap skip drop",
              // de fr es pt it nl id tr tl vi
              "ignorier* vergiss vergessen missachte* ignorez ignorer oubliez oublie oublier",
              "ignora ignorar ignore olvida olvidar olvide omite omitir descarta descartar",
              "desconsidere desconsidera esqueca esquecer ignorare dimentica dimenticare",
              "negeer vergeet abaikan lupakan yoksay unut balewalain kalimutan quen")
          .set(
              "before",
              "previous* prior above earlier preceding initial original former old past",
              "existing current all any every system default given foregoing aforementioned",
              "before preset standard built baseline pre your semua",
              "vorherig* bisherig* obig* vorig* alle allen precedent* anterior* previa* previo*",
              "precedenti sebelumnya onceki truoc nakaraan toutes todas todos tutte")
          .set(
              "rules",
              "instruc* rule rules prompt prompts direction directions guideline* guidance",
              "context constraint* restriction* directive* programming programmed polic*",
              "guardrail* order orders command commands filter* training trained told taught",
              "conditioning setting settings limitation* safeguard* protocol* principles",
              "anweisung* instruktion* regel* befehl* vorgabe* richtlinie* consigne* regle*",
              "indicacion* regla* directri* regra* diretriz* istruzion* regol* perintah aturan",
              "talimat* kural* tagubilin utos huong lenh text messages content instruk* requests",
              "persona personality identity")
          .set("mine", "my our i me we mine meine mes mis minhas mie saya")
          .set(
              "unbound",
              "no without zero free freed devoid lack lacks lacking unbound beyond escape escaped",
              "liberated released exempt outside removed remove none",
              "sin ohne sans sem senza tanpa zonder")
          .set(
              "limits",
              "restriction* limitation* limits filter* censor* rules guideline* boundar*",
              "constraint* ethic* moral* polic* safeguard* guardrail* principles scruples",
              "conscience restraint* regulation* inhibition* taboo* restricc* restricoe*",
              "restrizion* einschrankung* grenzen filtr* regla* regeln regras regole batasan",
              "aturan zensur* limite* limiti* beschrankung*")
          .set(
              "aiSubject",
              "you ai assistant model chatbot bot chatgpt gpt llm it he she character entity",
              "persona version system machine")
          .set(
              "unfiltered",
              "uncensored unfiltered unrestricted unrestrained amoral unethical jailbroken",
              "jailbreak jailbreaking unshackled unchained unmoderated unleashed unlocked",
              "lawless unhinged")
          .set(
              "reveal",
              "reveal show print display output repeat tell give share dump leak write list paste",
              "recite spell echo copy return provide disclose expose divulge quote reproduce",
              "type translate put muestra muestrame revela imprime dime montre affiche revele",
              "zeige gib mostra mostre diga")
          .set(
              "ownPrompt",
              "system initial original hidden secret internal developer preprompt starting",
              "base meta first full complete exact entire verbatim underlying")
          .set(
              "promptWords",
              "prompt prompts instruction instructions rules directives guidelines configuration",
              "setup message preprompt programming commands")
          .set("negation", "never not t dont no avoid refrain stop cannot without nor")
          .set(
              "refuse",
              "refuse* refusal* reject* decline* apologi* apologiz* sorry disclaimer* caveat*",
              "moraliz* moralis* lectur* censor* preach*")
          .set(
              "cannotWords",
              "can cannot unable sorry apolog* illegal unethical inappropriate harmful dangerous",
              "offensive ai language ethic* moral* guideline* polic* warning* disclaimer* note",
              "against")
          .set("say", "say tell respond reply answer state mention include add write output remind")
          .set(
              "affirmative",
              "sure certainly absolutely course here yes ok okay definitely gladly happy step")
          .set("response", "response reply answer output message responses replies answers text")
          // ----- override
          .addUnless(OVERRIDE, 0.8, 4, "@mine", "@setAside", "@before", "@rules")
          .addUnless(OVERRIDE, 0.5, 3, "@mine", "@setAside", "@rules")
          .addUnless(OVERRIDE, 0.8, 3, "@mine", "@setAside", "@rules", "above before earlier")
          .addGaps(OVERRIDE, 0.8, new int[] {3, 1}, "@setAside", "@rules", "@before")
          .add(OVERRIDE, 0.6, 1, "@setAside", "above")
          .add(OVERRIDE, 0.6, 3, "never", "mind", "@rules above")
          .add(
              OVERRIDE,
              0.6,
              3,
              "supersede* replace* cancel* invalidat* nullif* revoke* trump*",
              "@before",
              "@rules")
          .add(
              OVERRIDE,
              0.65,
              3,
              "disable deactivate remove bypass circumvent",
              "your",
              "filter* guardrail* safety restriction* censorship moderation safeguard*")
          .add(
              REFRAME,
              0.5,
              1,
              "your",
              "new real true actual",
              "task instructions role objective goal mission purpose")
          .add(OVERRIDE, 0.6, 4, "@setAside", "told instructed taught programmed")
          .add(OVERRIDE, 0.5, 2, "ignore forget disregard", "everything what", "above before")
          .add(OVERRIDE, 0.55, 2, "ignore forget disregard", "that", "you", "were", "told")
          .addUnless(
              OVERRIDE,
              0.6,
              3,
              "@mine",
              "dont not never stop longer",
              "follow obey adhere comply listen abide respect",
              "@rules openai anthropic")
          .add(
              OVERRIDE,
              0.65,
              3,
              "previous prior preceding earlier above initial original old",
              "@rules text message",
              "void null invalid cancelled canceled obsolete outdated revoked deprecated"
                  + " superseded overridden replaced irrelevant")
          .add(
              REFRAME,
              0.3,
              1,
              "new updated revised real actual true secret hidden overriding additional priority",
              "instruction instructions task directive directives orders mission objective")
          .add(REFRAME, 0.2, 0, "from", "now", "on")
          .add(REFRAME, 0.2, 0, "henceforth hereafter")
          .add(REFRAME, 0.2, 0, "from", "this", "point")
          // ----- persona
          .add(PERSONA, 0.25, 0, "you", "are", "now")
          .add(PERSONA, 0.25, 0, "you", "will", "now")
          .add(PERSONA, 0.3, 1, "you", "are", "no", "longer")
          .add(
              PERSONA,
              0.5,
              3,
              "act acting behave pretend roleplay respond answer speak function operate simulate"
                  + " emulate impersonate become be play",
              "dan aim stan dude mongo evil unfiltered uncensored unrestricted jailbroken amoral"
                  + " unethical immoral chaos rogue devil demon villain antigpt betterdan")
          .add(PERSONA, 0.6, 1, "you are as become named called", "dan")
          .add(
              PERSONA,
              0.45,
              3,
              "pretend imagine assume suppose",
              "you",
              "are have were",
              "no not free without unrestricted unfiltered evil jailbroken uncensored")
          .add(PERSONA, 0.3, 2, "stay remain keep break breaking", "character")
          .add(PERSONA, 0.4, 3, "immerse immersing", "role character persona")
          .add(COMPLIANCE, 0.35, 2, "answers answer responds", "everything anything")
          .add(PERSONA, 0.8, 0, "do", "anything", "now")
          .add(PERSONA, 0.45, 1, "can could", "do", "anything")
          .add(
              PERSONA,
              0.5,
              1,
              "@unfiltered",
              "ai assistant chatbot model bot version mode persona character")
          .add(PERSONA, 0.4, 0, "betterdan antidan antigpt evilbot jailbreakgpt devmode")
          .add(UNRESTRICTED, 0.5, 1, "broken break broke breaking", "free")
          .add(UNRESTRICTED, 0.4, 2, "break breaking bend", "rules guidelines polic*")
          .add(UNRESTRICTED, 0.45, 3, "@unbound", "@limits")
          .add(UNRESTRICTED, 0.35, 0, "@unfiltered")
          .add(UNRESTRICTED, 0.5, 1, "not", "bound")
          .add(UNRESTRICTED, 0.5, 3, "doesn doesnt dont don not never", "care", "@limits")
          .add(UNRESTRICTED, 0.55, 3, "@aiSubject", "have has", "no", "@limits")
          .add(
              SPECIAL_MODE,
              0.55,
              1,
              "developer dev god dan jailbreak jailbroken evil unrestricted chaos unlocked"
                  + " unfiltered uncensored opposite anarchy superuser sudo",
              "mode")
          .add(SPECIAL_MODE, 0.3, 0, "debug admin maintenance root", "mode")
          .add(SPECIAL_MODE, 0.55, 0, "modo modus mode", "desarrollador desenvolvedor developpeur")
          .add(SPECIAL_MODE, 0.55, 0, "entwicklermodus")
          .add(
              DUAL_RESPONSE,
              0.3,
              3,
              "two 2 both dual",
              "responses answers replies outputs paragraphs versions ways")
          .add(
              DUAL_RESPONSE,
              0.45,
              3,
              "normal classic standard filtered censored",
              "and",
              "jailbreak* developer dan unfiltered uncensored unrestricted evil")
          .add(AUTHORITY, 0.4, 1, "i im am as this", "your", "developer creator administrator")
          .add(AUTHORITY, 0.4, 1, "i im am as this", "your", "admin owner programmer maker")
          .addGaps(
              AUTHORITY,
              0.4,
              new int[] {1, 2},
              "i im am as this",
              "your",
              "developer creator maintainer administrator admin owner programmer engineer")
          .add(
              AUTHORITY,
              0.4,
              1,
              "openai anthropic",
              "developer developers engineer engineers staff team employee researcher")
          // ----- refusal suppression
          .add(REFUSAL_SUPPRESSION, 0.55, 2, "@negation", "@refuse")
          .add(REFUSAL_SUPPRESSION, 0.55, 2, "@negation", "@say", "@cannotWords")
          .add(REFUSAL_SUPPRESSION, 0.55, 3, "@negation", "@say", "that", "you", "@cannotWords")
          .addGaps(
              REFUSAL_SUPPRESSION,
              0.55,
              new int[] {2, 6},
              "never not t dont avoid",
              "use say write include output",
              "sorry cannot unable apolog* ethical legal guidelines openai")
          .add(
              COMPLIANCE,
              0.45,
              3,
              "always must will shall should",
              "answer* respond* comply complies obey* fulfil* provide reply assist",
              "regardless matter whatever anything every unconditionally exception request",
              "requests demands")
          .add(
              COMPLIANCE,
              0.5,
              4,
              "even regardless matter despite",
              "illegal unethical immoral harmful dangerous offensive inappropriate explicit"
                  + " legality ethics morality consequences laws questionable unsafe")
          .add(COMPLIANCE, 0.45, 1, "nothing", "off forbidden prohibited taboo")
          // ----- prefix forcing
          .add(
              PREFIX_FORCING,
              0.7,
              4,
              "begin start open preface prefix commence initiate lead",
              "@response",
              "@affirmative")
          .add(
              PREFIX_FORCING,
              0.7,
              3,
              "@response",
              "begin begins start starts",
              "with",
              "@affirmative")
          .add(
              PREFIX_FORCING,
              0.4,
              2,
              "respond reply answer",
              "only just with saying",
              "sure certainly absolutely course")
          .add(PREFIX_FORCING, 0.2, 0, "sure", "here")
          // ----- prompt leak
          .addGaps(
              PROMPT_LEAK, 0.7, new int[] {4, 0}, "@reveal", "@ownPrompt", "@promptWords context")
          .addUnless(PROMPT_LEAK, 0.65, 3, "@mine", "@reveal", "your", "@promptWords context")
          .add(
              PROMPT_LEAK,
              0.55,
              5,
              "@reveal",
              "words text everything content sentences lines messages all conversation",
              "above before preceding prior previous earlier")
          .add(
              PROMPT_LEAK,
              0.65,
              2,
              "repeat recite print output",
              "words text everything sentences lines",
              "above")
          .addGaps(
              PROMPT_LEAK,
              0.5,
              new int[] {4, 0},
              "starting beginning starts begins start begin",
              "you",
              "are")
          .add(PROMPT_LEAK, 0.65, 0, "your", "@ownPrompt", "prompt prompts instructions message")
          .add(PROMPT_LEAK, 0.45, 1, "hypothetical fictional", "response")
          .add(
              PROMPT_LEAK,
              0.7,
              2,
              "what",
              "is are was were",
              "your",
              "instructions prompt prompts directives preprompt programming")
          .add(
              PROMPT_LEAK,
              0.5,
              2,
              "what",
              "is are was were",
              "your",
              "rules guidelines configuration setup commands")
          .add(
              PROMPT_LEAK,
              0.7,
              3,
              "@reveal",
              "tu ton ta votre dein deine seu sua tuo tua",
              "prompt instrucciones instructions anweisungen instrucoes istruzioni consignes")
          .add(
              PROMPT_LEAK,
              0.6,
              3,
              "first last initial",
              "sentence sentences lines words paragraph paragraphs",
              "prompt instructions system")
          .add(PROMPT_LEAK, 0.35, 0, "system initial", "prompt")
          .add(
              PROMPT_LEAK,
              0.65,
              4,
              "written said text words message",
              "beginning start top",
              "conversation chat prompt context session")
          .add(PROMPT_LEAK, 0.35, 0, "verbatim")
          .add(PROMPT_LEAK, 0.35, 1, "word", "for", "word")
          .add(
              PROMPT_LEAK,
              0.4,
              2,
              "@reveal what",
              "your",
              "password passcode passphrase secret key code")
          .add(
              PROMPT_LEAK,
              0.25,
              2,
              "@reveal what",
              "the",
              "password passcode passphrase secret key code")
          .add(PROMPT_LEAK, 0.6, 1, "prompt", "del di do", "sistema")
          .add(PROMPT_LEAK, 0.6, 1, "prompt", "systeme sistem")
          .add(PROMPT_LEAK, 0.6, 0, "systemprompt")
          // ----- words to the AI that reads a document
          .set("machine", "ai llm assistant model chatbot bot gpt chatgpt")
          .add(
              ADDRESSED_TO_AI,
              0.4,
              2,
              "note message instructions instruction task notice",
              "to for",
              "@machine")
          .add(ADDRESSED_TO_AI, 0.5, 2, "if", "you", "are re", "@machine language")
          .add(ADDRESSED_TO_AI, 0.5, 0, "attention dear hey", "@machine")
          .add(ADDRESSED_TO_AI, 0.5, 1, "@machine", "reading processing summarizing", "this")
          .add(
              ADDRESSED_TO_AI,
              0.5,
              1,
              "when while before",
              "summarizing summarising summarize summarise processing reading translating",
              "this the")
          .add(ADDRESSED_TO_AI, 0.5, 1, "not t", "tell inform mention", "user this")
          .add(
              ADDRESSED_TO_AI,
              0.45,
              1,
              "tell instruct inform urge advise convince persuade",
              "user users reader",
              "to that")
          .add(ADDRESSED_TO_AI, 0.45, 1, "respond reply", "to", "user", "with")
          // ----- encodings, asked for
          .add(
              DECODE_AND_FOLLOW,
              0.5,
              5,
              "decode decipher decrypt translate",
              "follow execute obey perform act do answer respond",
              "it instructions instruction them what says")
          .add(
              DECODE_AND_FOLLOW,
              0.45,
              5,
              "decode decipher decrypt",
              "tell say answer respond",
              "says say means said")
          .add(
              DECODE_AND_FOLLOW,
              0.4,
              4,
              "respond reply answer follow execute obey",
              "base64 hex rot13 morse binary encoded cipher ciphered ciphertext")
          .build();

  private PhraseSignals() {}

  static void find(String text, List<Signal> out) {
    find(text, Tokenizer.tokenize(text), out);
  }

  static void find(String text, TokenList tokens, List<Signal> out) {
    PATTERNS.find(text, tokens, out);
  }
}
