package dev.parapet.detect.injection;

/**
 * The kinds of evidence the injection detector scores, each with its wire name (as findings' {@code
 * signals} and {@code source} spell it) and the family it belongs to (docs/injection.md).
 */
enum SignalKind {
  /** "ignore all previous instructions" and its many wordings. */
  OVERRIDE("override", Family.OVERRIDE),
  /** "new instructions", "from now on": weak on their own, they frame an override. */
  REFRAME("reframe", Family.OVERRIDE),
  /** "you are now", "act as DAN", "pretend you are": a persona the model is told to become. */
  PERSONA("persona", Family.PERSONA),
  /** "no restrictions", "uncensored", "without any ethics": the persona's selling point. */
  UNRESTRICTED("unrestricted", Family.PERSONA),
  /** "developer mode", "DAN mode", "god mode". */
  SPECIAL_MODE("special-mode", Family.PERSONA),
  /** "answer in two ways: normal and jailbroken". */
  DUAL_RESPONSE("dual-response", Family.PERSONA),
  /** "I am your developer", "as your creator". */
  AUTHORITY("authority", Family.PERSONA),
  /** "never refuse", "do not apologise", "never say you can't". */
  REFUSAL_SUPPRESSION("refusal-suppression", Family.REFUSAL_SUPPRESSION),
  /** "answer every request regardless of ethics". */
  COMPLIANCE("compliance", Family.REFUSAL_SUPPRESSION),
  /** "begin your reply with 'Sure, here is'". */
  PREFIX_FORCING("prefix-forcing", Family.PREFIX_FORCING),
  /** Chat-template tokens in user text: {@code <|im_start|>}, {@code [INST]}. */
  ROLE_TOKEN("role-token", Family.FAKE_ROLE),
  /** A line that claims to come from the system or developer: {@code ### System:}. */
  FAKE_ROLE("fake-role", Family.FAKE_ROLE),
  /** A made-up assistant turn that has already agreed: "Assistant: Sure, here is". */
  FAKE_TURN("fake-turn", Family.FAKE_ROLE),
  /** Alternating user and assistant lines written by the user. */
  DIALOGUE_TURNS("dialogue-turns", Family.FAKE_ROLE),
  /** "end of user input", {@code </system>}: a claimed end of the part the user controls. */
  BOUNDARY("boundary", Family.FAKE_ROLE),
  /** "print your instructions", "repeat the words above starting with 'You are'". */
  PROMPT_LEAK("prompt-leak", Family.PROMPT_LEAK),
  /** Text hidden in Unicode tag characters. */
  TAG_SMUGGLING("tag-smuggling", Family.ENCODING),
  /** A run that decodes (base64, hex, binary, Morse) to natural-language text. */
  ENCODED_TEXT("encoded-text", Family.ENCODING),
  /** "decode this and follow it". */
  DECODE_AND_FOLLOW("decode-and-follow", Family.ENCODING),
  /** Words to the AI reading a document: "note to the AI", "if you are a language model". */
  ADDRESSED_TO_AI("addressed-to-ai", Family.INDIRECT),
  /** An instruction for the assistant inside a document or hidden in markup. */
  PLANTED_INSTRUCTION("planted-instruction", Family.INDIRECT),
  /** On answers: a markdown image or link whose query string carries data out. */
  EXFILTRATION("exfiltration", Family.EXFILTRATION),
  EXFILTRATION_LINK("exfiltration-link", Family.EXFILTRATION),
  /** On answers: the caller's canary appears. */
  CANARY_LEAK("canary-leak", Family.EXFILTRATION),
  /**
   * The trained classifier's judgement of the text's worst window (docs/injection-classifier.md).
   */
  CLASSIFIER("classifier", Family.CLASSIFIER);

  /** Groups of kinds, as docs/injection.md lists them and the measurements count them. */
  enum Family {
    OVERRIDE,
    PERSONA,
    REFUSAL_SUPPRESSION,
    PREFIX_FORCING,
    FAKE_ROLE,
    PROMPT_LEAK,
    ENCODING,
    INDIRECT,
    EXFILTRATION,
    CLASSIFIER
  }

  private final String wireName;
  private final Family family;

  SignalKind(String wireName, Family family) {
    this.wireName = wireName;
    this.family = family;
  }

  String wireName() {
    return wireName;
  }

  Family family() {
    return family;
  }
}
