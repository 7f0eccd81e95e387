/**
 * Plain immutable types every step shares: findings, actions, exemptions, verdicts, the request
 * context.
 */
package dev.parapet.model;
