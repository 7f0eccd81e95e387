/**
 * Plain immutable types every step shares: findings, actions, exemptions, verdicts, the request
 * context, and the conversation facts (messages, tool calls, trust) rules see. May import only the
 * JDK (and Jackson's annotations, for wire names).
 */
package dev.parapet.model;
