/**
 * The officers' endpoints: the loaded policy, reloads, lexicon search and evaluation. May import
 * {@code app}, {@code check}, {@code policy}, {@code detect}, {@code model} and Quarkus.
 */
package dev.parapet.api.policy;
