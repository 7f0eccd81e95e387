/**
 * Stream sessions: a model's answer checked as it arrives, chunk by chunk, releasing at once all
 * text that no finding can still change and holding back only the tail the detectors' longest
 * matches could reach. Framework-free; {@code api} and {@code gateway} serve it over HTTP.
 */
package dev.parapet.stream;
