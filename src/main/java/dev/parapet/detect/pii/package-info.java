/**
 * Personal data: validated identifiers, phones, emails, addresses, and officer recognizers on
 * RE2/J.
 */
package dev.parapet.detect.pii;
