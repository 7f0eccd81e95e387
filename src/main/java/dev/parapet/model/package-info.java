/**
 * Plain immutable types every step shares: findings, actions, exemptions, verdicts, the request
 * context, and the conversation facts (messages, tool calls, trust) rules see.
 */
package dev.parapet.model;
