/**
 * Step three: profiles and tiers of rules, loaded as one immutable version, with its policy tests
 * and exceptions. May import {@code detect}, {@code model} and {@code digest}; never {@code check}.
 */
package dev.parapet.policy;
