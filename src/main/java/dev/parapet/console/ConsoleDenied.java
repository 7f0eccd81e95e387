package dev.parapet.console;

/**
 * Why a console request may not go on: not signed in (sent to the sign-in page), or signed in
 * without the role the page needs, or a form that did not come from a console page (403 pages).
 */
public final class ConsoleDenied extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean signedIn;

  private ConsoleDenied(boolean signedIn, String message) {
    super(message, null, false, false);
    this.signedIn = signedIn;
  }

  static ConsoleDenied notSignedIn() {
    return new ConsoleDenied(false, "sign in first");
  }

  static ConsoleDenied forbidden(String message) {
    return new ConsoleDenied(true, message);
  }

  /** False when the viewer must sign in, true when signed in but refused. */
  boolean signedIn() {
    return signedIn;
  }
}
