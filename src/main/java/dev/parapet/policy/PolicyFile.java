package dev.parapet.policy;

/**
 * One file of a policy version as its digest saw it.
 *
 * @param path {@code rules/…} or {@code lexicons/…}, as the version digest names it
 * @param sha256 hex SHA-256 of the file's bytes
 */
public record PolicyFile(String path, String sha256, long size) {}
