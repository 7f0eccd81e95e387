/** The officers' endpoints: the loaded policy, reloads, lexicon search and evaluation. */
package dev.parapet.api.policy;
