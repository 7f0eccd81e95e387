/**
 * The class-data-sharing archive's training run, which the build starts once to record the classes
 * a start loads. May import {@code check}, {@code model} and Quarkus.
 */
package dev.parapet.app.cds;
