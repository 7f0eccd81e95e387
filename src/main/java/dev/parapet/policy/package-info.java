/**
 * Step three: profiles and tiers of rules, loaded as one immutable version, with its policy tests
 * and exceptions.
 */
package dev.parapet.policy;
