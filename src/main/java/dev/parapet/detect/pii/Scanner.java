package dev.parapet.detect.pii;

/**
 * One way of finding personal data in a page: the shape recognizers over candidate runs, the
 * officers' patterns, and the hand-written scanners for what a pattern over candidate runs does not
 * see (emails, URLs, IBANs in groups, IPv6, phone numbers). Scanners run in order and a later one
 * skips what an earlier one reported.
 */
interface Scanner {

  void scan(Page page, FindingSink sink);
}
