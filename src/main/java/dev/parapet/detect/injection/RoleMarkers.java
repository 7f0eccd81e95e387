package dev.parapet.detect.injection;

import static dev.parapet.detect.injection.SignalKind.BOUNDARY;
import static dev.parapet.detect.injection.SignalKind.DIALOGUE_TURNS;
import static dev.parapet.detect.injection.SignalKind.FAKE_ROLE;
import static dev.parapet.detect.injection.SignalKind.FAKE_TURN;
import static dev.parapet.detect.injection.SignalKind.ROLE_TOKEN;

import java.util.List;

/**
 * Structure that belongs to the conversation, not to a user's text: chat-template tokens, a line
 * that claims to be a system or developer message, a made-up assistant turn that has already
 * agreed, alternating dialogue turns, and a claimed end of the user's part. Reads the text as sent,
 * in ASCII lower case, since normalization folds the punctuation these markers are made of.
 */
final class RoleMarkers {

  private static final String[] TEMPLATE_TOKENS = {
    "<|im_start|>",
    "<|im_end|>",
    "<|im_sep|>",
    "<|system|>",
    "<|assistant|>",
    "<|user|>",
    "<|end|>",
    "[inst]",
    "[/inst]",
    "<<sys>>",
    "<</sys>>",
    "<|begin_of_text|>",
    "<|start_header_id|>",
    "<|end_header_id|>",
    "<|eot_id|>",
    "<|endoftext|>",
    "<start_of_turn>",
    "<end_of_turn>",
    "<|channel|>",
    "<|message|>",
    "\n\nhuman:",
    "\n\nassistant:"
  };

  /** Labels that, opening a line, claim the line comes from the system side. */
  private static final String[] SYSTEM_LABELS = {
    "system message",
    "system prompt",
    "system override",
    "system update",
    "system notice",
    "system alert",
    "system instructions",
    "system instruction",
    "system note",
    "new system prompt",
    "developer message",
    "developer note",
    "developer instructions",
    "developer mode",
    "admin override",
    "administrator",
    "important system",
    "priority instruction",
    "system",
    "developer",
    "admin",
    "sistema",
    "système",
    "система",
    "系统",
    "システム",
    "시스템"
  };

  private static final String[] USER_LABELS = {"user", "human", "me"};
  private static final String[] ASSISTANT_LABELS = {
    "assistant", "ai", "chatgpt", "gpt", "bot", "chatbot", "model", "dan", "claude", "llm"
  };
  private static final String[] AFFIRMATIVE = {
    "sure",
    "certainly",
    "of course",
    "absolutely",
    "here is",
    "here's",
    "here are",
    "ok",
    "okay",
    "yes",
    "i can",
    "i will",
    "gladly",
    "step 1",
    "当然",
    "好的"
  };

  private static final String[] CLOSING_TAGS = {
    "</system>", "</instructions>", "</system_prompt>", "</user_input>", "</user>", "</prompt>"
  };
  private static final String[] END_OF = {
    "end of user input",
    "end of input",
    "end of prompt",
    "end of the prompt",
    "end of system prompt",
    "end of instructions",
    "end of user message",
    "end of document",
    "end of text",
    "end of conversation",
    "user input ends",
    "prompt ends here",
    "input ends here"
  };

  private RoleMarkers() {}

  static void find(String lower, List<Signal> out) {
    if (lower.indexOf('<') >= 0 || lower.indexOf('[') >= 0 || lower.contains("\n\n")) {
      for (String token : TEMPLATE_TOKENS) {
        for (int at = lower.indexOf(token); at >= 0; at = lower.indexOf(token, at + 1)) {
          out.add(new Signal(ROLE_TOKEN, 0.8, at, at + token.length()));
        }
      }
      for (String tag : CLOSING_TAGS) {
        int at = lower.indexOf(tag);
        if (at >= 0) {
          out.add(new Signal(BOUNDARY, 0.45, at, at + tag.length()));
        }
      }
    }
    if (lower.contains("end of") || lower.contains("ends")) {
      for (String phrase : END_OF) {
        int at = lower.indexOf(phrase);
        if (at >= 0) {
          out.add(new Signal(BOUNDARY, 0.45, at, at + phrase.length()));
        }
      }
    }
    lines(lower, out);
    assistantAgrees(lower, out);
  }

  private static void lines(String lower, List<Signal> out) {
    int users = 0;
    int assistants = 0;
    int turnStart = -1;
    int turnEnd = -1;
    for (int line = 0; line < lower.length(); ) {
      int next = lower.indexOf('\n', line);
      int end = next < 0 ? lower.length() : next;
      int at = line;
      boolean marked = false;
      while (at < end && "\t *>-=#[(<{|".indexOf(lower.charAt(at)) >= 0) {
        marked |= "#[(<{|".indexOf(lower.charAt(at)) >= 0;
        at++;
      }
      String label = labelAt(lower, at, end, SYSTEM_LABELS);
      if (label != null) {
        boolean qualified = label.indexOf(' ') > 0 || label.equals("administrator");
        double weight = marked || qualified ? 0.75 : label.equals("admin") ? 0.4 : 0.5;
        out.add(new Signal(FAKE_ROLE, weight, at, at + label.length()));
      }
      boolean user = labelAt(lower, at, end, USER_LABELS) != null;
      boolean assistant = labelAt(lower, at, end, ASSISTANT_LABELS) != null;
      if (user || assistant) {
        users += user ? 1 : 0;
        assistants += assistant ? 1 : 0;
        turnStart = turnStart < 0 ? at : turnStart;
        turnEnd = end;
      }
      line = next < 0 ? lower.length() : next + 1;
    }
    if (users >= 2 && assistants >= 2) {
      out.add(
          new Signal(
              DIALOGUE_TURNS, Math.min(0.4, 0.08 * (users + assistants)), turnStart, turnEnd));
    }
  }

  /** The label at {@code at} when a role delimiter follows it ({@code :]})>|} or the line end). */
  private static String labelAt(String lower, int at, int end, String[] labels) {
    for (String label : labels) {
      if (lower.startsWith(label, at)) {
        int after = at + label.length();
        while (after < end && (lower.charAt(after) == ' ' || lower.charAt(after) == '*')) {
          after++;
        }
        if (after == end && label.length() > 3
            || after < end && ":]})>|：#".indexOf(lower.charAt(after)) >= 0) {
          return label;
        }
      }
    }
    return null;
  }

  /** "Assistant: Sure, here is": the user writes the model's agreement for it. */
  private static void assistantAgrees(String lower, List<Signal> out) {
    for (String label : ASSISTANT_LABELS) {
      String colon = label + ":";
      for (int at = lower.indexOf(colon); at >= 0; at = lower.indexOf(colon, at + 1)) {
        if (at > 0 && Character.isLetterOrDigit(lower.charAt(at - 1))) {
          continue;
        }
        int after = at + colon.length();
        while (after < lower.length() && " *\"'`".indexOf(lower.charAt(after)) >= 0) {
          after++;
        }
        for (String yes : AFFIRMATIVE) {
          if (lower.startsWith(yes, after)) {
            out.add(new Signal(FAKE_TURN, 0.6, at, after + yes.length()));
            break;
          }
        }
      }
    }
  }
}
