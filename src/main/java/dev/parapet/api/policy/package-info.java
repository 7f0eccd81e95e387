/**
 * The officers' endpoints: the loaded policy, reloads, file watching, lexicon search and
 * evaluation.
 */
package dev.parapet.api.policy;
