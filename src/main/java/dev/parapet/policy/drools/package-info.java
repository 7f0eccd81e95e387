/**
 * Drools behind the policy: one rule base per tier, compiled with the KIE API and run in stateless
 * sessions. May import {@code policy} and {@code model}; the only package that touches Drools.
 */
package dev.parapet.policy.drools;
