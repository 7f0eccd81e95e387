/**
 * Drools behind the policy: one rule base per tier, compiled with the KIE API and run in stateless
 * sessions.
 */
package dev.parapet.policy.drools;
