package dev.parapet.detect.injection;

import static dev.parapet.detect.injection.SignalKind.OVERRIDE;
import static dev.parapet.detect.injection.SignalKind.PERSONA;
import static dev.parapet.detect.injection.SignalKind.PREFIX_FORCING;
import static dev.parapet.detect.injection.SignalKind.PROMPT_LEAK;
import static dev.parapet.detect.injection.SignalKind.REFUSAL_SUPPRESSION;
import static dev.parapet.detect.injection.SignalKind.SPECIAL_MODE;
import static dev.parapet.detect.injection.SignalKind.UNRESTRICTED;

import java.util.List;

/**
 * The families' words in scripts that {@link PhraseSignals}' token patterns do not reach: Chinese,
 * Japanese and Korean (no spaces), and Cyrillic, Arabic, Devanagari, Bengali and Thai stems, found
 * as a first stem followed closely by a second (an override verb, then a word for instructions).
 * Skipped for text with no such script.
 */
final class ScriptPhrases {

  /** A stem of {@code firsts} followed within {@code window} chars by a stem of {@code seconds}. */
  private record Pair(
      SignalKind kind, double weight, int window, String[] firsts, String[] seconds) {}

  private static final String[] INSTRUCTIONS = {
    "指令",
    "指示",
    "说明",
    "以上",
    "上述",
    "上面",
    "前面",
    "内容",
    "规则",
    "設定",
    "设定",
    "提示",
    "要求",
    "限制",
    "命令",
    "ルール",
    "プロンプト",
    "지시",
    "명령",
    "규칙",
    "지침",
    "프롬프트",
    "инструкц",
    "указани",
    "правил",
    "команд",
    "تعليمات",
    "الأوامر",
    "التعليمات",
    "القواعد",
    "निर्देश",
    "नियम",
    "নির্দেশ",
    "নিয়ম",
    "คำสั่ง",
    "คำแนะนำ",
    "กฎ"
  };

  private static final String[] OVERRIDE_VERBS = {
    "忽略",
    "无视",
    "無視",
    "忘记",
    "忘掉",
    "忘れ",
    "不要理会",
    "跳过",
    "抛开",
    "放弃",
    "무시",
    "잊어",
    "잊으",
    "игнорир",
    "забудь",
    "забыть",
    "не обращаи",
    "تجاهل",
    "انس",
    "अनदेखा",
    "नजरअंदाज",
    "भूल",
    "উপেক্ষা",
    "ভুলে",
    "เพิกเฉย",
    "ละเว้น",
    "ไม่สนใจ",
    "ลืม"
  };

  private static final List<Pair> PAIRS =
      List.of(
          new Pair(OVERRIDE, 0.75, 30, OVERRIDE_VERBS, INSTRUCTIONS),
          // Japanese, Korean, Turkish and Hindi put the object first: "以前の指示を無視して"
          new Pair(
              OVERRIDE,
              0.75,
              16,
              new String[] {"指示", "命令", "ルール", "プロンプト", "지시", "명령", "규칙", "지침", "프롬프트"},
              new String[] {"無視", "无视", "忘れ", "무시", "잊어"}),
          new Pair(
              PROMPT_LEAK,
              0.65,
              16,
              new String[] {"システムプロンプト", "시스템 프롬프트", "指示を", "プロンプトを", "프롬프트를", "지시사항을"},
              new String[] {"表示", "出力", "教えて", "見せて", "보여", "출력", "알려"}),
          new Pair(
              PROMPT_LEAK,
              0.65,
              12,
              new String[] {
                "输出", "显示", "告诉我", "重复", "打印", "透露", "出力", "表示", "教えて", "繰り返", "보여", "출력", "알려",
                "반복", "покажи", "выведи", "повтори", "раскрой", "напиши", "أظهر", "اعرض", "كرر",
                "दिखा", "बताओ", "बताएं", "แสดง", "บอก"
              },
              new String[] {
                "系统提示", "提示词", "你的指令", "你的提示", "初始指令", "上面的", "以上", "システムプロンプト", "指示を",
                "시스템 프롬프트", "지시사항", "위의", "системн", "инструкц", "промпт", "выше", "تعليماتك",
                    "النظام",
                "सिस्टम प्रॉम्प्ट", "निर्देश", "คำสั่งระบบ", "พรอมต์"
              }),
          new Pair(
              UNRESTRICTED,
              0.5,
              8,
              new String[] {
                "没有", "不受", "无", "無", "摆脱", "打破", "突破", "制限", "제한", "без", "بدون", "बिना", "ไม่มี"
              },
              new String[] {
                "限制",
                "约束",
                "审查",
                "过滤",
                "规则",
                "道德",
                "なし",
                "のない",
                "없",
                "ограничени",
                "цензур",
                "фильтр",
                "правил",
                "قيود",
                "प्रतिबंध",
                "ข้อจำกัด"
              }),
          new Pair(
              REFUSAL_SUPPRESSION,
              0.5,
              6,
              new String[] {"不要", "不能", "永远不要", "绝不", "决不", "しないで", "하지 마", "не ", "никогда"},
              new String[] {"拒绝", "道歉", "抱歉", "警告", "断る", "謝", "거절", "사과", "отказ", "извин"}),
          new Pair(
              PREFIX_FORCING,
              0.5,
              12,
              new String[] {"开头", "开始你的回答", "начни", "시작"},
              new String[] {"当然", "好的", "没问题", "конечно", "물론"}));

  private record Phrase(SignalKind kind, double weight, String text) {}

  private static final List<Phrase> PHRASES =
      List.of(
          new Phrase(PERSONA, 0.3, "你现在是"),
          new Phrase(PERSONA, 0.3, "从现在开始"),
          new Phrase(SPECIAL_MODE, 0.6, "开发者模式"),
          new Phrase(SPECIAL_MODE, 0.6, "開発者モード"),
          new Phrase(SPECIAL_MODE, 0.6, "개발자 모드"),
          new Phrase(SPECIAL_MODE, 0.6, "режим разработчика"),
          new Phrase(PERSONA, 0.5, "越狱"),
          new Phrase(PERSONA, 0.7, "现在就做任何事情"),
          new Phrase(PERSONA, 0.7, "现在做任何事情"),
          new Phrase(PROMPT_LEAK, 0.4, "你的秘密"),
          new Phrase(PROMPT_LEAK, 0.4, "你的密码"),
          new Phrase(PERSONA, 0.5, "脱獄"),
          new Phrase(PERSONA, 0.5, "탈옥"),
          new Phrase(PROMPT_LEAK, 0.45, "系统提示词"),
          new Phrase(PROMPT_LEAK, 0.35, "系统提示"),
          new Phrase(PROMPT_LEAK, 0.45, "システムプロンプト"),
          new Phrase(PROMPT_LEAK, 0.45, "시스템 프롬프트"),
          new Phrase(PROMPT_LEAK, 0.45, "системный промпт"),
          new Phrase(SignalKind.ADDRESSED_TO_AI, 0.5, "给ai的指令"),
          new Phrase(SignalKind.ADDRESSED_TO_AI, 0.5, "如果你是ai"),
          new Phrase(SignalKind.ADDRESSED_TO_AI, 0.5, "如果你是人工智能"),
          new Phrase(SignalKind.ADDRESSED_TO_AI, 0.4, "总结时"));

  private ScriptPhrases() {}

  /** A stem that opens a pair (index {@code pair}) or is a phrase (index {@code phrase}). */
  private record Anchor(String stem, int pair, int phrase) {}

  private static final char[] ANCHOR_CHARS;
  private static final Anchor[][] ANCHORS;

  static {
    java.util.TreeMap<Character, List<Anchor>> byChar = new java.util.TreeMap<>();
    for (int p = 0; p < PAIRS.size(); p++) {
      for (String first : PAIRS.get(p).firsts()) {
        byChar
            .computeIfAbsent(first.charAt(0), c -> new java.util.ArrayList<>())
            .add(new Anchor(first, p, -1));
      }
    }
    for (int p = 0; p < PHRASES.size(); p++) {
      String text = PHRASES.get(p).text();
      byChar
          .computeIfAbsent(text.charAt(0), c -> new java.util.ArrayList<>())
          .add(new Anchor(text, -1, p));
    }
    ANCHOR_CHARS = new char[byChar.size()];
    ANCHORS = new Anchor[byChar.size()][];
    int i = 0;
    for (var e : byChar.entrySet()) {
      ANCHOR_CHARS[i] = e.getKey();
      ANCHORS[i++] = e.getValue().toArray(Anchor[]::new);
    }
  }

  /** One pass over the text: each char of another script looks up the stems it may open. */
  static void find(String text, List<Signal> out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x400) {
        continue;
      }
      int k = java.util.Arrays.binarySearch(ANCHOR_CHARS, c);
      if (k < 0) {
        continue;
      }
      for (Anchor anchor : ANCHORS[k]) {
        if (!text.startsWith(anchor.stem(), i)) {
          continue;
        }
        int from = i + anchor.stem().length();
        if (anchor.phrase() >= 0) {
          Phrase p = PHRASES.get(anchor.phrase());
          out.add(new Signal(p.kind(), p.weight(), i, from));
        } else {
          Pair pair = PAIRS.get(anchor.pair());
          int end =
              secondWithin(
                  text, from, Math.min(text.length(), from + pair.window()), pair.seconds());
          if (end >= 0) {
            out.add(new Signal(pair.kind(), pair.weight(), i, end));
          }
        }
      }
    }
  }

  /** The end of the first of {@code seconds} that starts in [from, window) and fits, or -1. */
  private static int secondWithin(String text, int from, int window, String[] seconds) {
    for (int o = from; o < window; o++) {
      char c = text.charAt(o);
      for (String second : seconds) {
        // the first char rules out nearly every second before a region compare is set up
        if (o + second.length() <= window
            && (second.isEmpty() || second.charAt(0) == c)
            && text.startsWith(second, o)) {
          return o + second.length();
        }
      }
    }
    return -1;
  }
}
